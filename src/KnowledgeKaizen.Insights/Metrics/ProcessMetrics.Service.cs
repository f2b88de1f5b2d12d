using System.Runtime.InteropServices;

namespace KnowledgeKaizen.Insights.Metrics;

public sealed partial class ProcessMetrics
{
    /// <summary>Backlog age buckets in days: [from, to).</summary>
    internal static readonly (string Label, double From, double? To)[] BacklogAges =
        [("< 1 day", 0, 1), ("1–3 days", 1, 3), ("3–7 days", 3, 7), ("7–30 days", 7, 30), ("≥ 30 days", 30, null)];

    /// <summary>Service figures for cases opened in the period, and the open backlog at the period's end.</summary>
    public Task<ServiceSummary> ServiceAsync(MetricFilter filter, CancellationToken ct = default) =>
        CachedAsync(new(nameof(ServiceAsync), filter), () => ComputeServiceAsync(filter, ct), ct);

    private async Task<ServiceSummary> ComputeServiceAsync(MetricFilter filter, CancellationToken ct)
    {
        var groups = await ServiceGroupsAsync(filter, ct);
        var previous = await ServiceGroupsAsync(filter.PreviousPeriod(), ct);
        return new ServiceSummary(
            groups.All, previous.All,
            groups.ByChannel, groups.ByCategory, groups.ByMonth,
            await BacklogAsync(filter, ct));
    }

    private sealed record ServiceGroups(ServiceGroup All, IReadOnlyList<ServiceGroup> ByChannel, IReadOnlyList<ServiceGroup> ByCategory, IReadOnlyList<ServiceGroup> ByMonth);

    /// <summary>
    /// One pass over the period's cases, reading only the numbers, fills the overall, per-channel,
    /// per-category and per-month groups (four GROUP BYs plus percentile sorts measured slower in SQLite).
    /// </summary>
    private async Task<ServiceGroups> ServiceGroupsAsync(MetricFilter filter, CancellationToken ct)
    {
        if (await UsesFactsAsync(filter, ct))
        {
            return await ServiceGroupsFromFactsAsync(filter, ct);
        }

        var scope = CaseScope(filter).Period("sc.\"OpenedAt\"", filter.From, filter.To);
        var all = new CaseAccumulator();
        var byChannel = new Dictionary<string, CaseAccumulator>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, CaseAccumulator>(StringComparer.Ordinal);
        var byMonth = new SortedDictionary<string, CaseAccumulator>(StringComparer.Ordinal);
        await Query.ReadAsync($"""
            SELECT sc."Channel", sc."Category", {Sql.MonthOf("sc.\"OpenedAt\"")},
                   {Sql.DaysBetween("sc.\"OpenedAt\"", "sc.\"FirstResponseAt\"")} * 24, {Sql.DaysBetween("sc.\"OpenedAt\"", "sc.\"ResolvedAt\"")} * 24,
                   sc."Satisfaction", sc."Cost"
            FROM "ServiceCases" sc {scope.Joins} WHERE {scope.Where}
            """, scope, r =>
        {
            foreach (var acc in new[] { all, Get(byChannel, r.GetString(0)), Get(byCategory, r.GetString(1)), Get(byMonth, r.GetString(2)) })
            {
                acc.Add(r, 3);
            }
        }, ct);

        return ToGroups(all, byChannel, byCategory, byMonth);
    }

    private static ServiceGroups ToGroups(CaseAccumulator all, Dictionary<string, CaseAccumulator> byChannel,
        Dictionary<string, CaseAccumulator> byCategory, SortedDictionary<string, CaseAccumulator> byMonth)
    {
        return new ServiceGroups(all.ToGroup(string.Empty),
            [.. byChannel.OrderByDescending(kv => kv.Value.Cases).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.ToGroup(kv.Key))],
            [.. byCategory.OrderByDescending(kv => kv.Value.Cases).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.ToGroup(kv.Key))],
            [.. byMonth.Select(kv => kv.Value.ToGroup(kv.Key))]);
    }

    private static CaseAccumulator Get<TDictionary>(TDictionary groups, string key) where TDictionary : IDictionary<string, CaseAccumulator>
    {
        if (!groups.TryGetValue(key, out var acc))
        {
            groups[key] = acc = new CaseAccumulator();
        }

        return acc;
    }

    /// <summary>
    /// Cases open at the period's end (opened before it, not resolved before it), by age at that moment. Two
    /// range reads (unresolved, resolved after the end) on the backlog index instead of one OR over every case.
    /// </summary>
    private async Task<IReadOnlyList<BacklogBucket>> BacklogAsync(MetricFilter filter, CancellationToken ct)
    {
        var scope = CaseScope(filter).Parameter("@to", Sql.Instant(filter.To))
            .Condition("sc.\"OpenedAt\" < @to");
        var cases = new long[BacklogAges.Length];
        var bucket = string.Join(' ', BacklogAges.Select((b, i) => b.To is { } to ? $"WHEN age < {to.ToString(CultureInfo.InvariantCulture)} THEN {i}" : string.Empty));
        await Query.ReadAsync($"""
            SELECT CASE {bucket} ELSE {BacklogAges.Length - 1} END AS b, COUNT(*)
            FROM (SELECT {Sql.DaysBetween("sc.\"OpenedAt\"", "@to")} AS age FROM "ServiceCases" sc {scope.Joins} WHERE {scope.Where} AND sc."ResolvedAt" IS NULL
                  UNION ALL
                  SELECT {Sql.DaysBetween("sc.\"OpenedAt\"", "@to")} AS age FROM "ServiceCases" sc {scope.Joins} WHERE {scope.Where} AND sc."ResolvedAt" >= @to) AS backlog
            GROUP BY b
            """, scope, r => cases[r.GetInt32(0)] = r.GetInt64(1), ct);
        return [.. BacklogAges.Select((b, i) => new BacklogBucket(b.Label, b.From, b.To, cases[i]))];
    }

    private SqlScope CaseScope(MetricFilter filter) =>
        new SqlScope(Sql).Rep(filter, "sc.\"AgentId\"").CustomerIndustry(filter, "sc.\"CustomerId\"");

    /// <summary>Feedback and complaints received in the period, their resolution, and customers churned in it.</summary>
    public Task<FeedbackSummary> FeedbackAsync(MetricFilter filter, CancellationToken ct = default) =>
        CachedAsync(new(nameof(FeedbackAsync), filter), () => ComputeFeedbackAsync(filter, ct), ct, MetricDataLane.Feedback);

    private async Task<FeedbackSummary> ComputeFeedbackAsync(MetricFilter filter, CancellationToken ct)
    {
        var scope = FeedbackScope(filter);
        var (byMonth, byChannel) = await FeedbackCountsAsync(scope, ct);
        var complaints = await ComplaintsAsync(filter, ct);
        var previous = await ComplaintsAsync(filter.PreviousPeriod(), ct);
        var (churned, afterComplaint) = await ChurnAsync(filter, ct);
        var (previousChurned, _) = await ChurnAsync(filter.PreviousPeriod(), ct);
        return new FeedbackSummary(byMonth, [.. byChannel.OrderByDescending(c => c.Total)],
            [.. complaints.Where(c => c.Category != string.Empty).OrderByDescending(c => c.Complaints)],
            complaints.Single(c => c.Category == string.Empty), previous.Single(c => c.Category == string.Empty),
            churned, afterComplaint, previousChurned);
    }

    /// <summary>Feedback by month and by channel (ordinal order), counted by type in one read grouped by both.</summary>
    private async Task<(List<FeedbackCount> ByMonth, List<FeedbackCount> ByChannel)> FeedbackCountsAsync(SqlScope scope, CancellationToken ct)
    {
        var byMonth = new SortedDictionary<string, FeedbackCount>(StringComparer.Ordinal);
        var byChannel = new SortedDictionary<string, FeedbackCount>(StringComparer.Ordinal);
        await Query.ReadAsync($"""
            SELECT {Sql.MonthOf("f.\"ReceivedAt\"")}, f."Channel", {Sql.CountWhere("f.\"Type\" = 'Complaint'")}, {Sql.CountWhere("f.\"Type\" = 'Praise'")}, {Sql.CountWhere("f.\"Type\" = 'Suggestion'")}
            FROM "Feedback" f {scope.Joins} WHERE {scope.Where} GROUP BY 1, 2
            """, scope, r =>
            {
                foreach (var (counts, key) in new[] { (byMonth, MetricQuery.Text(r, 0)), (byChannel, MetricQuery.Text(r, 1)) })
                {
                    counts[key] = (counts.GetValueOrDefault(key) ?? new FeedbackCount(key, 0, 0, 0))
                        .Plus(MetricQuery.Long(r, 2), MetricQuery.Long(r, 3), MetricQuery.Long(r, 4));
                }
            }, ct);
        return ([.. byMonth.Values], [.. byChannel.Values]);
    }

    /// <summary>
    /// Complaints per category (ordinal order) plus the total (category ""), with resolution counts and days: one read of
    /// the complaints, whose days give each category's spread and, all together, the total's.
    /// </summary>
    private async Task<List<ComplaintResolution>> ComplaintsAsync(MetricFilter filter, CancellationToken ct)
    {
        var scope = FeedbackScope(filter).Condition("f.\"Type\" = 'Complaint'");
        var byCategory = new Dictionary<string, (long Complaints, List<double>? Days)>(StringComparer.Ordinal);
        await Query.ReadAsync($"""
            SELECT COALESCE(f."Category", '(none)'), {Sql.DaysBetween("f.\"ReceivedAt\"", "f.\"ResolvedAt\"")}
            FROM "Feedback" f {scope.Joins} WHERE {scope.Where}
            """, scope, r =>
            {
                ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(byCategory, r.GetString(0), out _);
                tally.Complaints++;
                tally.Days ??= [];
                if (!r.IsDBNull(1))
                {
                    tally.Days.Add(r.GetDouble(1));
                }
            }, ct);
        var rows = byCategory.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ComplaintResolution(kv.Key, kv.Value.Complaints, kv.Value.Days!.Count, MetricQuery.SpreadOf(kv.Value.Days))).ToList();
        var all = byCategory.Values.SelectMany(c => c.Days!).ToList();
        rows.Add(new ComplaintResolution(string.Empty, rows.Sum(c => c.Complaints), all.Count, MetricQuery.SpreadOf(all)));
        return rows;
    }

    private const string UnresolvedComplaintAtChurn = """
        EXISTS (SELECT 1 FROM "Feedback" f WHERE f."CustomerId" = c."Id" AND f."Type" = 'Complaint'
            AND f."ReceivedAt" < c."ChurnedAt" AND (f."ResolvedAt" IS NULL OR f."ResolvedAt" > c."ChurnedAt"))
        """;

    /// <summary>
    /// Customers churned in the period (region and industry of the customer), and how many of them had a
    /// complaint received before the churn that was still unresolved at the churn date.
    /// </summary>
    private async Task<(long Churned, long AfterUnresolvedComplaint)> ChurnAsync(MetricFilter filter, CancellationToken ct)
    {
        var scope = new SqlScope(Sql).Period("c.\"ChurnedAt\"", filter.From, filter.To);
        if (filter.Industry is not null)
        {
            scope.Condition("c.\"Industry\" = @industry").Parameter("@industry", filter.Industry);
        }

        if (filter.Region is not null)
        {
            scope.Condition("c.\"Region\" = @region").Parameter("@region", filter.Region);
        }

        (long, long) result = default;
        await Query.ReadAsync($"""
            SELECT COUNT(*), {Sql.CountWhere(UnresolvedComplaintAtChurn)}
            FROM "Customers" c WHERE {scope.Where}
            """, scope, r => result = (r.GetInt64(0), MetricQuery.Long(r, 1)), ct);
        return result;
    }

    private SqlScope FeedbackScope(MetricFilter filter) => new SqlScope(Sql)
        .Period("f.\"ReceivedAt\"", filter.From, filter.To)
        .Rep(filter, "f.\"HandledById\"")
        .CustomerIndustry(filter, "f.\"CustomerId\"");
}
