using static KnowledgeKaizen.Web.Insights.MetricValue;

namespace KnowledgeKaizen.Web.Insights;

public sealed partial class MetricTables
{
    public MetricTable ServiceSummary(ServiceSummary s, bool compare) => Comparison("service-summary", Label("Service KPIs"),
    [
        (Label("Cases opened"), s.All.Cases, s.Previous.Cases, CellFormat.Count, null),
        (Label("Cases resolved"), s.All.Resolved, s.Previous.Resolved, CellFormat.Count, true),
        (Label("First response, median (hours)"), s.All.FirstResponseHours.Median, s.Previous.FirstResponseHours.Median, CellFormat.Hours, false),
        (Label("First response, p90 (hours)"), s.All.FirstResponseHours.P90, s.Previous.FirstResponseHours.P90, CellFormat.Hours, false),
        (Label("Resolution, median (hours)"), s.All.ResolutionHours.Median, s.Previous.ResolutionHours.Median, CellFormat.Hours, false),
        (Label("Resolution, p90 (hours)"), s.All.ResolutionHours.P90, s.Previous.ResolutionHours.P90, CellFormat.Hours, false),
        (Label("Cost per case"), s.All.CostPerCase, s.Previous.CostPerCase, CellFormat.Money, false),
        (Label("Satisfaction (1–5)"), s.All.Satisfaction, s.Previous.Satisfaction, CellFormat.Score, true),
    ], compare);

    public MetricTable ServiceGroups(string key, string title, string keyHeader, IReadOnlyList<ServiceGroup> groups, Func<string, string> keyName, ChartSpec? chart = null) =>
        new(key, title,
            [keyHeader, Label("Cases"), Label("Resolved"), Label("First response, median (hours)"), Label("First response, p90 (hours)"),
             Label("Resolution, median (hours)"), Label("Resolution, p90 (hours)"), Label("Satisfaction (1–5)"), Label("Cost per case")],
            [.. groups.Select(g => (IReadOnlyList<MetricValue>)[
                Text(keyName(g.Key)), Count(g.Cases), Count(g.Resolved),
                Of(g.FirstResponseHours.Median, CellFormat.Hours), Of(g.FirstResponseHours.P90, CellFormat.Hours),
                Of(g.ResolutionHours.Median, CellFormat.Hours), Of(g.ResolutionHours.P90, CellFormat.Hours),
                Of(g.Satisfaction, CellFormat.Score), Of(g.CostPerCase, CellFormat.Money)])],
            chart);

    public MetricTable Backlog(ServiceSummary s) => new("backlog", Label("Open backlog by age at the end of the period"),
        [Label("Age"), Label("Open cases")],
        [.. s.Backlog.All(b => b.Cases == 0) ? [] : s.Backlog.Select(b => (IReadOnlyList<MetricValue>)[Text(Label(b.Label)), Count(b.Cases)])],
        new ChartSpec("bar", [1]));

    public MetricTable FeedbackCounts(string key, string title, string keyHeader, IReadOnlyList<FeedbackCount> counts, Func<string, string> keyName, string chartType) =>
        new(key, title, [keyHeader, Label("Complaints"), Label("Praise"), Label("Suggestions"), Label("Total")],
            [.. counts.Select(c => (IReadOnlyList<MetricValue>)[Text(keyName(c.Key)), Count(c.Complaints), Count(c.Praise), Count(c.Suggestions), Count(c.Total)])],
            new ChartSpec(chartType, [1, 2, 3], Stacked: true));

    public MetricTable ComplaintCategories(FeedbackSummary f) => new("complaint-categories", Label("Complaints by category and their resolution"),
        [Label("Category"), Label("Complaints"), Label("Resolved"), Label("Resolution rate"), Label("Resolution, median (days)"), Label("Resolution, p90 (days)")],
        [.. f.ByCategory.Select(c => (IReadOnlyList<MetricValue>)[
            Text(names.Category(c.Category)), Count(c.Complaints), Count(c.Resolved), Of(c.ResolutionRate, CellFormat.Percent),
            Of(c.ResolutionDays.Median, CellFormat.Days), Of(c.ResolutionDays.P90, CellFormat.Days)])],
        new ChartSpec("bar", [1, 2]));

    public MetricTable FeedbackSummary(FeedbackSummary f, bool compare) => Comparison("feedback-summary", Label("Complaint and churn KPIs"),
    [
        (Label("Complaints"), f.AllComplaints.Complaints, f.PreviousComplaints.Complaints, CellFormat.Count, false),
        (Label("Complaints resolved"), f.AllComplaints.Resolved, f.PreviousComplaints.Resolved, CellFormat.Count, true),
        (Label("Resolution rate"), f.AllComplaints.ResolutionRate, f.PreviousComplaints.ResolutionRate, CellFormat.Percent, true),
        (Label("Resolution, median (days)"), f.AllComplaints.ResolutionDays.Median, f.PreviousComplaints.ResolutionDays.Median, CellFormat.Days, false),
        (Label("Churned customers"), f.ChurnedCustomers, f.PreviousChurnedCustomers, CellFormat.Count, false),
        (Label("Churned after an unresolved complaint"), f.ChurnedAfterUnresolvedComplaint, null, CellFormat.Count, false),
    ], compare);
}
