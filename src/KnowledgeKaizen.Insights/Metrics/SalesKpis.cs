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

    /// <summary>
    /// 1 − |revenue − forecast| ÷ forecast, at least 0: 100 % when revenue meets the forecast exactly, lower when it misses
    /// either way (a revenue 20 % above or below the forecast is 80 %). Null without a forecast.
    /// </summary>
    public double? ForecastAccuracy => Forecast > 0 ? Math.Max(0, 1 - (Math.Abs(Revenue - Forecast) / Forecast)) : null;

    public double? CostPerWin => Ratio(SalesCost, Won);

    internal static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;
}
