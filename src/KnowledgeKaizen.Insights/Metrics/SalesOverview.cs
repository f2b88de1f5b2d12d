namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Headline KPIs with the previous period of the same length, for comparison.</summary>
public sealed record SalesOverview(SalesKpis Current, SalesKpis Previous, FunnelResult Funnel);
