namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>A distribution summary: how many values, their mean, and nearest-rank median and 90th percentile.</summary>
public sealed record Spread(long Count, double? Average, double? Median, double? P90)
{
    public static readonly Spread Empty = new(0, null, null, null);
}

/// <summary>A sales stage as configured (ordered by <see cref="Position"/>).</summary>
public sealed record StageInfo(long Id, string Code, string Name, string? NameZh, int Position)
{
    public string DisplayName(bool chinese) => chinese && !string.IsNullOrEmpty(NameZh) ? NameZh : Name;
}

/// <summary>
/// One funnel row: stage entries counted in the period they were ENTERED. Conversion = advanced / (advanced +
/// lost), open entries excluded; cumulative = product of the conversions of this and all earlier stages.
/// Time in stage counts entries that have been left (advanced or lost).
/// </summary>
public sealed record FunnelStage(StageInfo Stage, long Entered, long Advanced, long Lost, double? Conversion, double? Cumulative, Spread DaysInStage)
{
    public long Open => Entered - Advanced - Lost;

    public long Decided => Advanced + Lost;
}

/// <summary>The sales funnel and the average conversion cycle (created → won, by the won date).</summary>
public sealed record FunnelResult(IReadOnlyList<FunnelStage> Stages, Spread ConversionCycleDays)
{
    public bool IsEmpty => Stages.All(s => s.Entered == 0);
}

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

/// <summary>Headline KPIs with the previous period of the same length, for comparison.</summary>
public sealed record SalesOverview(SalesKpis Current, SalesKpis Previous, FunnelResult Funnel);

/// <summary>One heatmap cell: a rep's decided entries at a stage and how many advanced.</summary>
public sealed record RepStageCell(string StageCode, long Decided, long Advanced)
{
    public double? Rate => SalesKpis.Ratio(Advanced, Decided);
}

/// <summary>A rep with the columns the heatmap and the rep page show.</summary>
public sealed record RepInfo(long Id, string ExternalId, string Name, string Team, string Region);

public sealed record RepStageRow(RepInfo Rep, IReadOnlyList<RepStageCell> Cells)
{
    public long Decided => Cells.Sum(c => c.Decided);

    public RepStageCell? Cell(string stageCode) => Cells.FirstOrDefault(c => c.StageCode == stageCode);
}

/// <summary>The rep × stage conversion matrix with the company cell per stage.</summary>
public sealed record RepStageMatrix(IReadOnlyList<StageInfo> Stages, IReadOnlyList<RepStageRow> Rows, IReadOnlyList<RepStageCell> Company);

/// <summary>A rep's conversion at a stage next to their team's and the company's.</summary>
public sealed record StageComparison(StageInfo Stage, RepStageCell Rep, RepStageCell Team, RepStageCell Company);

/// <summary>Monthly stage conversion (all stages pooled) of the rep and of the company, by month entered.</summary>
public sealed record MonthlyRate(string Month, RepStageCell Rep, RepStageCell Company);

/// <summary>Sales activities per opportunity: how the work is done.</summary>
public sealed record ActivityMix(long Opportunities, long Visits, long Calls, long Proposals, long Quotes)
{
    public double? VisitsPerOpportunity => SalesKpis.Ratio(Visits, Opportunities);

    public double? CallsPerOpportunity => SalesKpis.Ratio(Calls, Opportunities);

    public double? ProposalsPerOpportunity => SalesKpis.Ratio(Proposals, Opportunities);

    public double? QuotesPerOpportunity => SalesKpis.Ratio(Quotes, Opportunities);
}

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

/// <summary>Open cases at the end of the period, by age.</summary>
public sealed record BacklogBucket(string Label, double FromDays, double? ToDays, long Cases);

/// <summary>Service figures for a group of cases (a channel, a category or a month).</summary>
public sealed record ServiceGroup(string Key, long Cases, long Resolved, Spread FirstResponseHours, Spread ResolutionHours, double? Satisfaction, double? CostPerCase);

/// <summary>Service response, resolution, cost, satisfaction and backlog (cases counted by the period OPENED).</summary>
public sealed record ServiceSummary(
    ServiceGroup All,
    ServiceGroup Previous,
    IReadOnlyList<ServiceGroup> ByChannel,
    IReadOnlyList<ServiceGroup> ByCategory,
    IReadOnlyList<ServiceGroup> ByMonth,
    IReadOnlyList<BacklogBucket> Backlog)
{
    public bool IsEmpty => All.Cases == 0 && Backlog.All(b => b.Cases == 0);
}

/// <summary>Feedback counts by type for one key (a month, a channel or a category).</summary>
public sealed record FeedbackCount(string Key, long Complaints, long Praise, long Suggestions)
{
    public long Total => Complaints + Praise + Suggestions;
}

/// <summary>Complaints of one category and how they were resolved.</summary>
public sealed record ComplaintResolution(string Category, long Complaints, long Resolved, Spread ResolutionDays)
{
    public double? ResolutionRate => SalesKpis.Ratio(Resolved, Complaints);
}

/// <summary>Feedback and complaints (counted by the period RECEIVED) and churn (by the churn date).</summary>
public sealed record FeedbackSummary(
    IReadOnlyList<FeedbackCount> ByMonth,
    IReadOnlyList<FeedbackCount> ByChannel,
    IReadOnlyList<ComplaintResolution> ByCategory,
    ComplaintResolution AllComplaints,
    ComplaintResolution PreviousComplaints,
    long ChurnedCustomers,
    long ChurnedAfterUnresolvedComplaint,
    long PreviousChurnedCustomers)
{
    public bool IsEmpty => ByMonth.Count == 0 && ChurnedCustomers == 0;
}

/// <summary>Who is looking: managers see every rep; anyone else sees their own rep (if linked) and company aggregates.</summary>
public sealed record MetricViewer(bool SeesAllReps, long? RepId)
{
    public bool MaySee(long repId) => SeesAllReps || RepId == repId;

    /// <summary>Non-managers see company aggregates: rep, team and region filters are dropped for them.</summary>
    public (MetricFilter Filter, bool Restricted) Scope(MetricFilter filter) =>
        SeesAllReps || (filter.RepId is null && filter.Team is null && filter.Region is null)
            ? (filter, false)
            : (filter.Company(), true);
}

/// <summary>Values for the filter drop-downs.</summary>
public sealed record FilterOptions(
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Regions,
    IReadOnlyList<RepInfo> Reps,
    IReadOnlyList<StageInfo> Stages,
    IReadOnlyList<string> Industries);
