namespace KnowledgeKaizen.Insights.Metrics;

public sealed partial class ProcessMetrics
{
    private const string ContactTypes = "('Visit', 'Call', 'Proposal')";

    /// <summary>Headline KPIs for the period and the previous one, with the funnel.</summary>
    public async Task<SalesOverview> OverviewAsync(MetricFilter filter, CancellationToken ct = default) =>
        new(await SalesKpisAsync(filter, ct), await SalesKpisAsync(filter.PreviousPeriod(), ct), await FunnelAsync(filter, ct));

    /// <summary>The article's sales KPIs for one period (rules in <see cref="MetricDefinitions"/>).</summary>
    public async Task<SalesKpis> SalesKpisAsync(MetricFilter filter, CancellationToken ct = default)
    {
        if (await UsesFactsAsync(filter, ct))
        {
            return await SalesKpisFromFactsAsync(filter, ct);
        }

        var newCustomers = await NewCustomersAsync(filter, ct);

        long contacts = 0, touched = 0, quotes = 0;
        double cost = 0;
        var activities = new SqlScope(Sql).Period("a.\"OccurredAt\"", filter.From, filter.To).Rep(filter, "a.\"RepId\"").Opportunity(filter, "a.\"OpportunityId\"");
        await Query.ReadAsync($"""
            SELECT {Sql.CountWhere($"a.\"Type\" IN {ContactTypes}")}, COUNT(DISTINCT CASE WHEN a."Type" IN {ContactTypes} THEN a."OpportunityId" END),
                   {Sql.CountWhere("a.\"Type\" = 'Quote'")}, {Sql.Total("a.\"Cost\"")}
            FROM "Activities" a {activities.Joins} WHERE {activities.Where}
            """, activities, r => (contacts, touched, quotes, cost) = (MetricQuery.Long(r, 0), MetricQuery.Long(r, 1), MetricQuery.Long(r, 2), MetricQuery.Double(r, 3)), ct);

        double? accuracy = null;
        var quoted = new SqlScope(Sql).Period("a.\"OccurredAt\"", filter.From, filter.To).Rep(filter, "a.\"RepId\"").Opportunity(filter, "a.\"OpportunityId\"");
        await Query.ReadAsync($"""
            SELECT AVG({Sql.Greatest("0.0", "1.0 - ABS(a.\"Amount\" - q.\"FinalAmount\") / q.\"FinalAmount\"")})
            FROM "Activities" a JOIN "Opportunities" q ON q."Id" = a."OpportunityId" {quoted.Joins}
            WHERE {quoted.Where} AND a."Type" = 'Quote' AND a."Amount" IS NOT NULL AND q."Outcome" = 'Won' AND q."FinalAmount" > 0
            """, quoted, r => accuracy = MetricQuery.NullableDouble(r, 0), ct);

        long won = 0, lost = 0;
        double revenue = 0, collected = 0, forecast = 0;
        double? cycle = null;
        // Two range scans, each on its own covering index (closed, expected close), beat one OR over both.
        var closed = OpportunityScope(filter).Period("o.\"ClosedAt\"", filter.From, filter.To);
        await Query.ReadAsync($"""
            SELECT {Sql.CountWhere("o.\"Outcome\" = 'Won'")}, {Sql.CountWhere("o.\"Outcome\" = 'Lost'")},
                   {Sql.Total("CASE WHEN o.\"Outcome\" = 'Won' THEN o.\"FinalAmount\" END")},
                   {Sql.Total("CASE WHEN o.\"Outcome\" = 'Won' THEN o.\"CollectedAmount\" END")},
                   AVG(CASE WHEN o."Outcome" = 'Won' THEN {Sql.DaysBetween("o.\"CreatedAt\"", "o.\"ClosedAt\"")} END)
            FROM "Opportunities" o {closed.Joins} WHERE {closed.Where}
            """, closed, r => (won, lost, revenue, collected, cycle) =
                (MetricQuery.Long(r, 0), MetricQuery.Long(r, 1), MetricQuery.Double(r, 2), MetricQuery.Double(r, 3), MetricQuery.NullableDouble(r, 4)), ct);
        var expected = OpportunityScope(filter).Period("o.\"ExpectedCloseAt\"", filter.From, filter.To);
        await Query.ReadAsync($"SELECT {Sql.Total("o.\"ForecastAmount\"")} FROM \"Opportunities\" o {expected.Joins} WHERE {expected.Where}",
            expected, r => forecast = MetricQuery.Double(r, 0), ct);

        return new SalesKpis(newCustomers, contacts, touched, quotes, accuracy, forecast, revenue, collected, cost, won, lost, cycle);
    }

    /// <summary>
    /// Customers created in the period. With a rep, team or region filter: those with an opportunity owned by
    /// a selected rep; otherwise all, with the industry filter on the customer.
    /// </summary>
    private async Task<long> NewCustomersAsync(MetricFilter filter, CancellationToken ct)
    {
        var scope = new SqlScope(Sql).Period("c.\"CreatedAt\"", filter.From, filter.To);
        if (filter.Industry is not null)
        {
            scope.Condition("c.\"Industry\" = @industry").Parameter("@industry", filter.Industry);
        }

        if (filter.RepId is not null || filter.Team is not null || filter.Region is not null)
        {
            var owners = new SqlScope(Sql).Rep(filter, "o.\"OwnerId\"");
            scope.Condition($"c.\"Id\" IN (SELECT o.\"CustomerId\" FROM \"Opportunities\" o {owners.Joins} WHERE {owners.Where})");
            foreach (var (name, value) in new[] { ("@rep", (object?)filter.RepId), ("@team", filter.Team), ("@region", filter.Region) })
            {
                if (value is not null)
                {
                    scope.Parameter(name, value);
                }
            }
        }

        long count = 0;
        await Query.ReadAsync($"SELECT COUNT(*) FROM \"Customers\" c WHERE {scope.Where}", scope, r => count = r.GetInt64(0), ct);
        return count;
    }

    /// <summary>
    /// A rep's page: per-stage conversion next to team and company, the monthly trend, the activity mix, and
    /// the KPIs of rep, team and company. Null when the rep does not exist or the viewer may not see them.
    /// </summary>
    public async Task<RepReport?> RepReportAsync(MetricViewer viewer, long repId, MetricFilter filter, CancellationToken ct = default)
    {
        var rep = (await RepsAsync(ct)).FirstOrDefault(r => r.Id == repId);
        if (rep is null || !viewer.MaySee(repId))
        {
            return null;
        }

        var company = filter.Company();
        var stages = await StagesAsync(ct);
        var cells = await CellsByRepAsync(company, stages, ct);
        var teamIds = (await RepsAsync(ct)).Where(r => r.Team == rep.Team).Select(r => r.Id).ToHashSet();
        var teamPool = Pool(stages, cells.Where(kv => teamIds.Contains(kv.Key)).Select(kv => kv.Value));
        var companyPool = Pool(stages, cells.Values);
        var mine = cells.GetValueOrDefault(repId) ?? [];
        var comparison = stages.Select((s, i) => new StageComparison(s, mine.GetValueOrDefault(s.Code) ?? new RepStageCell(s.Code, 0, 0), teamPool[i], companyPool[i])).ToList();

        return new RepReport(rep, comparison, await TrendAsync(repId, company, ct),
            await ActivityMixAsync(company with { RepId = repId }, ct), await ActivityMixAsync(company, ct),
            await SalesKpisAsync(company with { RepId = repId }, ct),
            await SalesKpisAsync(company with { Team = rep.Team }, ct),
            await SalesKpisAsync(company, ct));
    }

    /// <summary>Monthly conversion of decided entries (all stages pooled) by month entered: the rep and the company.</summary>
    private async Task<IReadOnlyList<MonthlyRate>> TrendAsync(long repId, MetricFilter company, CancellationToken ct)
    {
        if (await UsesFactsAsync(company, ct))
        {
            return await TrendFromFactsAsync(repId, company, ct);
        }

        var scope = StageScope(company).Parameter("@me", repId);
        var months = new List<MonthlyRate>();
        await Query.ReadAsync($"""
            SELECT {Sql.MonthOf("h.\"EnteredAt\"")} AS m,
                   {Sql.CountWhere("h.\"RepId\" = @me AND h.\"Outcome\" <> 'Open'")}, {Sql.CountWhere("h.\"RepId\" = @me AND h.\"Outcome\" = 'Advanced'")},
                   {Sql.CountWhere("h.\"Outcome\" <> 'Open'")}, {Sql.CountWhere("h.\"Outcome\" = 'Advanced'")}
            FROM "StageHistory" h {scope.Joins} WHERE {scope.Where} GROUP BY m ORDER BY m
            """, scope, r => months.Add(new MonthlyRate(r.GetString(0),
                new RepStageCell(string.Empty, MetricQuery.Long(r, 1), MetricQuery.Long(r, 2)),
                new RepStageCell(string.Empty, MetricQuery.Long(r, 3), MetricQuery.Long(r, 4)))), ct);
        return months;
    }

    /// <summary>Activities in the period per opportunity worked on (an opportunity with any activity in the period).</summary>
    public async Task<ActivityMix> ActivityMixAsync(MetricFilter filter, CancellationToken ct = default)
    {
        if (await UsesFactsAsync(filter, ct))
        {
            return await ActivityMixFromFactsAsync(filter, ct);
        }

        var scope = new SqlScope(Sql).Period("a.\"OccurredAt\"", filter.From, filter.To).Rep(filter, "a.\"RepId\"").Opportunity(filter, "a.\"OpportunityId\"");
        var mix = new ActivityMix(0, 0, 0, 0, 0);
        await Query.ReadAsync($"""
            SELECT COUNT(DISTINCT a."OpportunityId"), {Sql.CountWhere("a.\"Type\" = 'Visit'")}, {Sql.CountWhere("a.\"Type\" = 'Call'")},
                   {Sql.CountWhere("a.\"Type\" = 'Proposal'")}, {Sql.CountWhere("a.\"Type\" = 'Quote'")}
            FROM "Activities" a {scope.Joins} WHERE {scope.Where}
            """, scope, r => mix = new ActivityMix(MetricQuery.Long(r, 0), MetricQuery.Long(r, 1), MetricQuery.Long(r, 2), MetricQuery.Long(r, 3), MetricQuery.Long(r, 4)), ct);
        return mix;
    }
}
