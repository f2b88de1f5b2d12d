using KnowledgeKaizen.Insights.ExpectedOutcome;

namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>The model page: serving version, every stored version's report, the latest snapshot and retraining.</summary>
public sealed record ModelOverview(int? CurrentVersion, ExpectedOutcomeModelReport? Current, IReadOnlyList<ExpectedOutcomeModelReport> History,
    FindingSnapshot? Snapshot, BackgroundJob? LatestJob, ExpectedOutcomeOptions ModelOptions, EvidenceOptions EvidenceOptions);
