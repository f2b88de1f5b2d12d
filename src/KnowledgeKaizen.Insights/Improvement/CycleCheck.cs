namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>Everything the Check panel shows. Figures are in the metric's display units.</summary>
public sealed record CycleCheck(
    CheckResult Result,
    CatalogueMetric? Metric,
    bool DefinitionChanged,
    ImpactEstimate? Adopters,
    int AdopterReps,
    IReadOnlyList<MonthPoint> Series,
    DateTime AfterFrom,
    DateTime AfterTo);
