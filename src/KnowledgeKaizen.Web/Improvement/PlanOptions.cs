using KnowledgeKaizen.Insights.Improvement;

namespace KnowledgeKaizen.Web.Improvement;

/// <summary>Drop-down values of the Plan form.</summary>
public sealed record PlanOptions(IReadOnlyList<CatalogueMetric> Metrics, IReadOnlyList<StageInfo> Stages, IReadOnlyList<string> Teams);
