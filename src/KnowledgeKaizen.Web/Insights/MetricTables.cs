using static KnowledgeKaizen.Web.Insights.MetricValue;

namespace KnowledgeKaizen.Web.Insights;

/// <summary>Turns metric results into localised <see cref="MetricTable"/>s (HTML, chart data and CSV alike).</summary>
public sealed partial class MetricTables(IStringLocalizer<SharedResource> l, DisplayNames names)
{
    private string StageName(StageInfo stage) => names.Stage(stage.Code);

    private const string ForecastNote = "Forecast accuracy is 100 % when revenue equals the forecast and lower the further it misses, either way: 1 − |revenue − forecast| ÷ forecast. The forecast adds up the forecast amounts of the opportunities expected to close in the period.";

    private string Label(string key) => l[key].Value;

    public MetricTable Kpis(SalesKpis current, SalesKpis previous, bool compare)
    {
        // Which way is good: more of it (true), less of it (false), or neither (null: a forecast, a volume).
        (string Name, Func<SalesKpis, double?> Value, CellFormat Format, bool? HigherIsBetter)[] rows =
        [
            (Label("New customers"), k => k.NewCustomers, CellFormat.Count, true),
            (Label("Contacts (visits, calls, proposals)"), k => k.Contacts, CellFormat.Count, true),
            (Label("Contacts per opportunity"), k => k.ContactsPerOpportunity, CellFormat.Decimal, null),
            (Label("Quotes"), k => k.Quotes, CellFormat.Count, true),
            (Label("Quote accuracy"), k => k.QuoteAccuracy, CellFormat.Percent, true),
            (Label("Sales forecast"), k => k.Forecast, CellFormat.Money, null),
            (Label("Revenue"), k => k.Revenue, CellFormat.Money, true),
            (Label("Forecast accuracy"), k => k.ForecastAccuracy, CellFormat.Percent, true),
            (Label("Collections"), k => k.Collected, CellFormat.Money, true),
            (Label("Collection rate"), k => k.CollectionRate, CellFormat.Percent, true),
            (Label("Sales cost"), k => k.SalesCost, CellFormat.Money, false),
            (Label("Sales cost per win"), k => k.CostPerWin, CellFormat.Money, false),
            (Label("Opportunities won"), k => k.Won, CellFormat.Count, true),
            (Label("Opportunities lost"), k => k.Lost, CellFormat.Count, false),
            (Label("Opportunity conversion rate"), k => k.WinRate, CellFormat.Percent, true),
            (Label("Average conversion cycle (days)"), k => k.AverageCycleDays, CellFormat.Days, false),
        ];
        return Comparison("kpis", Label("Sales KPIs"), rows.Select(r => (r.Name, r.Value(current), r.Value(previous), r.Format, r.HigherIsBetter)), compare)
            with { Note = new TableNote(Label(ForecastNote), "forecast") };
    }

    /// <summary>
    /// A metric / this period / previous period / change table. The change is in the metric's unit (percentage points
    /// for percentages) and coloured by whether it is an improvement (<c>HigherIsBetter</c>; null: neither).
    /// </summary>
    public MetricTable Comparison(string key, string title,
        IEnumerable<(string Name, double? Current, double? Previous, CellFormat Format, bool? HigherIsBetter)> rows, bool compare)
    {
        string[] columns = compare ? [Label("Metric"), Label("This period"), Label("Previous period"), Label("Change")] : [Label("Metric"), Label("This period")];
        return new MetricTable(key, title, columns, [.. rows.Select(r => compare
            ? (IReadOnlyList<MetricValue>)[Text(r.Name), Of(r.Current, r.Format), Of(r.Previous, r.Format), Change(r.Current, r.Previous, r.Format, r.HigherIsBetter)]
            : [Text(r.Name), Of(r.Current, r.Format)])]);
    }

    public MetricTable Funnel(FunnelResult funnel) => new("funnel", Label("Sales funnel by stage"),
        [Label("Stage"), Label("Entered"), Label("Advanced"), Label("Lost"), Label("Open"), Label("Conversion"), Label("Cumulative conversion"), Label("Average days in stage"), Label("Median days in stage")],
        [.. funnel.IsEmpty ? [] : funnel.Stages.Select(s => (IReadOnlyList<MetricValue>)[
            Text(StageName(s.Stage)), Count(s.Entered), Count(s.Advanced), Count(s.Lost), Count(s.Open),
            Of(s.Conversion, CellFormat.Percent), Of(s.Cumulative, CellFormat.Percent),
            Of(s.DaysInStage.Average, CellFormat.Days), Of(s.DaysInStage.Median, CellFormat.Days)])],
        new ChartSpec("bar", [2, 3, 4]));

    public MetricTable Heatmap(RepStageMatrix matrix) => new("heatmap", Label("Conversion by rep and stage"),
        [Label("Rep"), Label("Team"), Label("Region"), .. matrix.Stages.SelectMany(s => new[] { l["{0}: conversion", StageName(s)].Value, l["{0}: decided", StageName(s)].Value })],
        [.. matrix.Rows.Select(r => (IReadOnlyList<MetricValue>)[
            Text(r.Rep.Name), Text(r.Rep.Team), Text(r.Rep.Region),
            .. matrix.Stages.SelectMany(s => r.Cell(s.Code) is { } c ? new[] { Of(c.Rate, CellFormat.Percent), Count(c.Decided) } : [Of(null, CellFormat.Percent), Count(0)])])]);

    public MetricTable RepStages(RepReport report) => new("rep-stages", Label("Stage conversion: rep, team and company"),
        [Label("Stage"), Label("Rep"), Label("Rep: decided"), Label("Team"), Label("Team: decided"), Label("Company"), Label("Company: decided")],
        [.. report.Stages.Select(s => (IReadOnlyList<MetricValue>)[
            Text(StageName(s.Stage)), Of(s.Rep.Rate, CellFormat.Percent), Count(s.Rep.Decided),
            Of(s.Team.Rate, CellFormat.Percent), Count(s.Team.Decided), Of(s.Company.Rate, CellFormat.Percent), Count(s.Company.Decided)])],
        new ChartSpec("bar", [1, 3, 5]));

    public MetricTable RepTrend(RepReport report) => new("rep-trend", Label("Monthly conversion trend"),
        [Label("Month"), Label("Rep"), Label("Rep: decided"), Label("Company"), Label("Company: decided")],
        [.. report.Trend.Select(m => (IReadOnlyList<MetricValue>)[
            Text(m.Month), Of(m.Rep.Rate, CellFormat.Percent), Count(m.Rep.Decided), Of(m.Company.Rate, CellFormat.Percent), Count(m.Company.Decided)])],
        new ChartSpec("line", [1, 3]));

    public MetricTable RepActivities(RepReport report)
    {
        (string, Func<ActivityMix, double?>)[] kinds =
        [
            (Label("Visits"), m => m.VisitsPerOpportunity), (Label("Calls"), m => m.CallsPerOpportunity),
            (Label("Proposals"), m => m.ProposalsPerOpportunity), (Label("Quotes"), m => m.QuotesPerOpportunity),
        ];
        return new MetricTable("rep-activity", Label("Activities per opportunity worked on"),
            [Label("Activity"), Label("Rep"), Label("Company")],
            [.. kinds.Select(k => (IReadOnlyList<MetricValue>)[Text(k.Item1), Of(k.Item2(report.RepActivities), CellFormat.Decimal), Of(k.Item2(report.CompanyActivities), CellFormat.Decimal)])],
            new ChartSpec("bar", [1, 2]));
    }

    public MetricTable RepKpis(RepReport report)
    {
        (string Name, Func<SalesKpis, double?> Value, CellFormat Format)[] rows =
        [
            (Label("Opportunity conversion rate"), k => k.WinRate, CellFormat.Percent),
            (Label("Opportunities won"), k => k.Won, CellFormat.Count),
            (Label("Revenue"), k => k.Revenue, CellFormat.Money),
            (Label("Sales forecast"), k => k.Forecast, CellFormat.Money),
            (Label("Forecast accuracy"), k => k.ForecastAccuracy, CellFormat.Percent),
            (Label("Collections"), k => k.Collected, CellFormat.Money),
            (Label("Quotes"), k => k.Quotes, CellFormat.Count),
            (Label("Quote accuracy"), k => k.QuoteAccuracy, CellFormat.Percent),
            (Label("Contacts per opportunity"), k => k.ContactsPerOpportunity, CellFormat.Decimal),
            (Label("Sales cost per win"), k => k.CostPerWin, CellFormat.Money),
            (Label("Average conversion cycle (days)"), k => k.AverageCycleDays, CellFormat.Days),
            (Label("New customers"), k => k.NewCustomers, CellFormat.Count),
        ];
        return new MetricTable("rep-kpis", Label("Forecast vs actual and other KPIs"),
            [Label("Metric"), Label("Rep"), Label("Team"), Label("Company")],
            [.. rows.Select(r => (IReadOnlyList<MetricValue>)[Text(r.Name), Of(r.Value(report.RepKpis), r.Format), Of(r.Value(report.TeamKpis), r.Format), Of(r.Value(report.CompanyKpis), r.Format)])],
            Note: new TableNote(Label(ForecastNote), "forecast"));
    }
}
