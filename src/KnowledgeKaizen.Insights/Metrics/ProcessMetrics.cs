namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// The measuring instrument of the sales and service process: funnel, rep × stage conversion, the article's
/// KPIs, service and complaint figures. Every figure is an SQL aggregate over the CRM tables for one
/// <see cref="MetricFilter"/>; the rules are listed in <see cref="MetricDefinitions"/>. With a
/// <see cref="MetricResultCache"/> (the portal's), each public result is computed once per data version.
/// </summary>
public sealed partial class ProcessMetrics(KnowledgeKaizenDbContext db, MetricResultCache? cache = null)
{
    private MetricQuery Query => new(db.Database.GetDbConnection(), readsFeedback: lane != MetricDataLane.Crm);

    private ISqlDialect Sql => db.Sql;

    /// <summary>
    /// Who is looking. Managers see every rep; another user sees the rep whose linked user id or email is
    /// theirs (if any) and the company aggregates.
    /// </summary>
    public async Task<MetricViewer> ViewerAsync(string? userId, string? email, bool isManager, CancellationToken ct = default)
    {
        long? repId = null;
        var scope = new SqlScope(Sql).Parameter("@user", userId ?? string.Empty).Parameter("@email", email ?? string.Empty);
        await Query.ReadAsync(
            $"""SELECT "Id" FROM "Reps" WHERE ("UserId" = @user AND @user <> '') OR ({Sql.EqualsIgnoringCase("\"Email\"", "@email")} AND @email <> '') ORDER BY "UserId" = @user DESC LIMIT 1""",
            scope, r => repId = r.GetInt64(0), ct);
        return new MetricViewer(isManager, repId);
    }

    public async Task<IReadOnlyList<StageInfo>> StagesAsync(CancellationToken ct = default)
    {
        var stages = new List<StageInfo>();
        await Query.ReadAsync("""SELECT "Id", "Code", "Name", "NameZh", "Position" FROM "SalesStages" ORDER BY "Position", "Id" """, null,
            r => stages.Add(new StageInfo(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4))), ct);
        return stages;
    }

    public async Task<IReadOnlyList<RepInfo>> RepsAsync(CancellationToken ct = default)
    {
        var reps = new List<RepInfo>();
        await Query.ReadAsync("""SELECT "Id", "ExternalId", "Name", "Team", "Region" FROM "Reps" ORDER BY "Name", "Id" """, null,
            r => reps.Add(new RepInfo(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))), ct);
        return reps;
    }

    /// <summary>Drop-down values; the rep list only for viewers who may see every rep.</summary>
    public Task<FilterOptions> FilterOptionsAsync(MetricViewer viewer, CancellationToken ct = default) =>
        CachedAsync(new(nameof(FilterOptionsAsync), null, viewer), () => ComputeFilterOptionsAsync(viewer, ct), ct);

    private async Task<FilterOptions> ComputeFilterOptionsAsync(MetricViewer viewer, CancellationToken ct)
    {
        var reps = await RepsAsync(ct);
        var industries = new List<string>();
        await Query.ReadAsync("""SELECT DISTINCT "Industry" FROM "Customers" ORDER BY "Industry" """, null, r => industries.Add(r.GetString(0)), ct);
        return new FilterOptions(
            [.. reps.Select(r => r.Team).Distinct().Order(StringComparer.Ordinal)],
            [.. reps.Select(r => r.Region).Distinct().Order(StringComparer.Ordinal)],
            viewer.SeesAllReps ? reps : [.. reps.Where(r => r.Id == viewer.RepId)],
            await StagesAsync(ct),
            industries);
    }

    /// <summary>The sales funnel by stage (entries counted in the period they were entered) and the conversion cycle.</summary>
    public Task<FunnelResult> FunnelAsync(MetricFilter filter, CancellationToken ct = default) =>
        CachedAsync(new(nameof(FunnelAsync), filter), () => ComputeFunnelAsync(filter, ct), ct);

    private async Task<FunnelResult> ComputeFunnelAsync(MetricFilter filter, CancellationToken ct)
    {
        var stages = await StagesAsync(ct);
        var (counts, days) = await UsesFactsAsync(filter, ct) ? await FunnelFactsAsync(filter, stages, ct) : await FunnelLiveAsync(filter, ct);

        var rows = new List<FunnelStage>();
        double? cumulative = 1;
        foreach (var stage in stages.Where(s => filter.Stage is null || s.Code == filter.Stage))
        {
            var (entered, advanced, lost) = counts.GetValueOrDefault(stage.Id);
            var conversion = SalesKpis.Ratio(advanced, advanced + lost);
            cumulative = filter.Stage is null ? cumulative * conversion : null;
            rows.Add(new FunnelStage(stage, entered, advanced, lost, conversion, cumulative,
                days.GetValueOrDefault(stage.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Spread.Empty)));
        }

        return new FunnelResult(rows, await ConversionCycleAsync(filter, ct));
    }

    private async Task<(Dictionary<long, (long Entered, long Advanced, long Lost)> Counts, Dictionary<string, Spread> Days)> FunnelLiveAsync(
        MetricFilter filter, CancellationToken ct)
    {
        var counts = new Dictionary<long, (long Entered, long Advanced, long Lost)>();
        var scope = StageScope(filter);
        await Query.ReadAsync($"""
            SELECT h."StageId", COUNT(*), {Sql.CountWhere("h.\"Outcome\" = 'Advanced'")}, {Sql.CountWhere("h.\"Outcome\" = 'Lost'")}
            FROM "StageHistory" h {scope.Joins} WHERE {scope.Where} GROUP BY h."StageId"
            """, scope, r => counts[r.GetInt64(0)] = (r.GetInt64(1), MetricQuery.Long(r, 2), MetricQuery.Long(r, 3)), ct);
        var days = await Query.SpreadsAsync($"""
            SELECT h."StageId", {Sql.DaysBetween("h.\"EnteredAt\"", "h.\"LeftAt\"")} FROM "StageHistory" h {scope.Joins}
            WHERE {scope.Where} AND h."LeftAt" IS NOT NULL
            """, scope, ct);
        return (counts, days);
    }

    /// <summary>Days from creation to the win, for opportunities won in the period.</summary>
    public async Task<Spread> ConversionCycleAsync(MetricFilter filter, CancellationToken ct = default)
    {
        if (await UsesFactsAsync(filter, ct))
        {
            return await ConversionCycleFromFactsAsync(filter, ct);
        }

        var scope = OpportunityScope(filter).Period("o.\"ClosedAt\"", filter.From, filter.To).Condition("o.\"Outcome\" = 'Won'");
        var spreads = await Query.SpreadsAsync($"SELECT '', {Sql.DaysBetween("o.\"CreatedAt\"", "o.\"ClosedAt\"")} FROM \"Opportunities\" o {scope.Joins} WHERE {scope.Where}", scope, ct);
        return spreads.GetValueOrDefault(string.Empty, Spread.Empty);
    }

    /// <summary>
    /// Rep × stage conversion. A viewer who may not see every rep gets only their own row; the company cells
    /// always cover every rep (within the period, industry, source and stage filters).
    /// </summary>
    public Task<RepStageMatrix> RepStageMatrixAsync(MetricViewer viewer, MetricFilter filter, CancellationToken ct = default) =>
        CachedAsync(new(nameof(RepStageMatrixAsync), filter, viewer), () => ComputeRepStageMatrixAsync(viewer, filter, ct), ct);

    private async Task<RepStageMatrix> ComputeRepStageMatrixAsync(MetricViewer viewer, MetricFilter filter, CancellationToken ct)
    {
        var stages = (await StagesAsync(ct)).Where(s => filter.Stage is null || s.Code == filter.Stage).ToList();
        var reps = (await RepsAsync(ct)).ToDictionary(r => r.Id);
        var cells = await CellsByRepAsync(filter, stages, ct);
        bool Selected(RepInfo rep) => viewer.MaySee(rep.Id)
            && (filter.RepId is null || filter.RepId == rep.Id)
            && (filter.Team is null || filter.Team == rep.Team)
            && (filter.Region is null || filter.Region == rep.Region);
        var rows = cells.Where(kv => reps.ContainsKey(kv.Key) && Selected(reps[kv.Key]))
            .Select(kv => new RepStageRow(reps[kv.Key], [.. stages.Select(s => kv.Value.GetValueOrDefault(s.Code) ?? new RepStageCell(s.Code, 0, 0))]))
            .OrderBy(r => r.Rep.Name, StringComparer.Ordinal)
            .ToList();
        return new RepStageMatrix(stages, rows, Pool(stages, cells.Values));
    }

    /// <summary>Decided and advanced entries per rep and stage code for the filter without its rep dimensions.</summary>
    private async Task<Dictionary<long, Dictionary<string, RepStageCell>>> CellsByRepAsync(MetricFilter filter, IReadOnlyList<StageInfo> stages, CancellationToken ct)
    {
        if (await UsesFactsAsync(filter, ct))
        {
            return await CellsFromFactsAsync(filter.Company(), stages, ct);
        }

        var codes = stages.ToDictionary(s => s.Id, s => s.Code);
        var scope = StageScope(filter.Company());
        var cells = new Dictionary<long, Dictionary<string, RepStageCell>>();
        await Query.ReadAsync($"""
            SELECT h."RepId", h."StageId", {Sql.CountWhere("h.\"Outcome\" <> 'Open'")}, {Sql.CountWhere("h.\"Outcome\" = 'Advanced'")}
            FROM "StageHistory" h {scope.Joins} WHERE {scope.Where} GROUP BY h."RepId", h."StageId"
            """, scope, r =>
        {
            if (!codes.TryGetValue(r.GetInt64(1), out var code))
            {
                return;
            }

            var repId = r.GetInt64(0);
            if (!cells.TryGetValue(repId, out var byStage))
            {
                cells[repId] = byStage = [];
            }

            byStage[code] = new RepStageCell(code, MetricQuery.Long(r, 2), MetricQuery.Long(r, 3));
        }, ct);
        return cells;
    }

    private static List<RepStageCell> Pool(IReadOnlyList<StageInfo> stages, IEnumerable<Dictionary<string, RepStageCell>> cells)
    {
        var all = cells.SelectMany(c => c.Values).ToList();
        return [.. stages.Select(s => new RepStageCell(s.Code,
            all.Where(c => c.StageCode == s.Code).Sum(c => c.Decided),
            all.Where(c => c.StageCode == s.Code).Sum(c => c.Advanced)))];
    }

    private SqlScope StageScope(MetricFilter filter) => new SqlScope(Sql)
        .Period("h.\"EnteredAt\"", filter.From, filter.To)
        .Rep(filter, "h.\"RepId\"")
        .Opportunity(filter, "h.\"OpportunityId\"")
        .Stage(filter, "h.\"StageId\"");

    private SqlScope OpportunityScope(MetricFilter filter)
    {
        var scope = new SqlScope(Sql).Rep(filter, "o.\"OwnerId\"");
        if (filter.Industry is not null)
        {
            scope.Condition("o.\"Industry\" = @industry").Parameter("@industry", filter.Industry);
        }

        if (filter.Source is { } source)
        {
            scope.Condition("o.\"Source\" = @source").Parameter("@source", source.ToString());
        }

        return scope;
    }
}
