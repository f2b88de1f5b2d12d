namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>The article's sales KPIs for one period (see <see cref="MetricDefinitions"/> for each rule).</summary>
public sealed record SalesKpis(
    long NewCustomers,
    long Contacts,
    long OpportunitiesContacted,
    long Quotes,
    double? QuoteAccuracy,
    double Forecast,
    double Revenue,
    double Collected,
    double SalesCost,
    long Won,
    long Lost,
    double? AverageCycleDays)
{
    public double? ContactsPerOpportunity => Ratio(Contacts, OpportunitiesContacted);

    public double? WinRate => Ratio(Won, Won + Lost);

    public double? CollectionRate => Ratio(Collected, Revenue);

    public double? ForecastAccuracy => Ratio(Revenue, Forecast);

    public double? CostPerWin => Ratio(SalesCost, Won);

    internal static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;
}
