using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.PerformerDetection;

namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>The model page: serving version, every stored version's report, the latest snapshot and retraining.</summary>
public sealed record ModelOverview(int? CurrentVersion, ExpectedOutcomeModelReport? Current, IReadOnlyList<ExpectedOutcomeModelReport> History,
    FindingSnapshot? Snapshot, BackgroundJob? LatestJob, ExpectedOutcomeOptions ModelOptions, EvidenceOptions EvidenceOptions);
