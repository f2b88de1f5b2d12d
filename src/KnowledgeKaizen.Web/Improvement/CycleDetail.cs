using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Insights.Improvement;

namespace KnowledgeKaizen.Web.Improvement;

/// <summary>Everything the cycle page shows.</summary>
public sealed record CycleDetail(
    ImprovementCycle Cycle,
    CatalogueMetric? Metric,
    bool LacksStandard,
    IReadOnlyList<LinkedItem> Links,
    IReadOnlyList<ImprovementCycle> Chain,
    CycleCheck? Check,
    IReadOnlyList<DocumentSummary> Playbooks,
    IReadOnlyList<DocumentSummary> Procedures,
    IReadOnlyList<StageInfo> Stages);
