namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Everything on a rep's page.</summary>
public sealed record RepReport(
    RepInfo Rep,
    IReadOnlyList<StageComparison> Stages,
    IReadOnlyList<MonthlyRate> Trend,
    ActivityMix RepActivities,
    ActivityMix CompanyActivities,
    SalesKpis RepKpis,
    SalesKpis TeamKpis,
    SalesKpis CompanyKpis);
