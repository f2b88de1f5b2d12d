namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Sales activities per opportunity: how the work is done.</summary>
public sealed record ActivityMix(long Opportunities, long Visits, long Calls, long Proposals, long Quotes)
{
    public double? VisitsPerOpportunity => SalesKpis.Ratio(Visits, Opportunities);

    public double? CallsPerOpportunity => SalesKpis.Ratio(Calls, Opportunities);

    public double? ProposalsPerOpportunity => SalesKpis.Ratio(Proposals, Opportunities);

    public double? QuotesPerOpportunity => SalesKpis.Ratio(Quotes, Opportunities);
}
