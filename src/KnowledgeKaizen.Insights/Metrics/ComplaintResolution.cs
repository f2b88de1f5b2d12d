namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Complaints of one category and how they were resolved.</summary>
public sealed record ComplaintResolution(string Category, long Complaints, long Resolved, Spread ResolutionDays)
{
    public double? ResolutionRate => SalesKpis.Ratio(Resolved, Complaints);
}
