namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// The dashboards' fast path: the same figures as the live queries, computed from the monthly pre-aggregates
/// (<see cref="MetricFactStore"/>) when they are fresh and the filter has no opportunity dimension (industry,
/// source — those select individual opportunities, so they stay live). Facts are loaded once per period per
/// request, so the rep page's rep, team and company figures share one read; the live edge months once per period and
/// data version for every request (through the result cache).
/// </summary>
public sealed partial class ProcessMetrics
{
    private readonly Dictionary<(Type Kind, DateTime From, DateTime To), object> loaded = [];

    /// <summary>The lane of the cached result being computed (none outside one: every table may be read).</summary>
    private MetricDataLane? lane;
    private MetricFactStore? store;
    private IReadOnlyList<RepInfo>? reps;

    private MetricFactStore Store => store ??= new MetricFactStore(db.Database.GetDbConnection(), Sql, segments: cache);

    private async Task<bool> UsesFactsAsync(MetricFilter filter, CancellationToken ct) =>
        filter.Industry is null && filter.Source is null && await Store.IsFreshAsync(ct, cache?.VersionTableExists);

    /// <summary>
    /// The cached result for <paramref name="key"/> at the data version this request reads first (one query, shared
    /// with the freshness check), or <paramref name="compute"/>'s without a cache or without the metric tables.
    /// </summary>
    /// <remarks>
    /// Computed in the <paramref name="resultLane"/>: a result of the CRM lane may not read feedback (its queries are refused), so
    /// that a feedback post, which changes only the feedback version, never leaves it stale.
    /// </remarks>
    private async Task<T> CachedAsync<T>(MetricResultKey key, Func<Task<T>> compute, CancellationToken ct, MetricDataLane resultLane = MetricDataLane.Crm)
    {
        var outer = lane;
        lane = resultLane;
        try
        {
            if (cache is null)
            {
                return await compute();
            }

            await Store.IsFreshAsync(ct, cache.VersionTableExists);
            cache.VersionTableExists ??= Store.Version is not null;
            return Store.Version is { } version
                ? await cache.GetOrAddAsync(resultLane, resultLane == MetricDataLane.Crm ? version : Store.VersionWithFeedback, key, compute, ct)
                : await compute();
        }
        finally
        {
            lane = outer;
        }
    }

    private async Task<List<T>> FactsAsync<T>(MetricFilter filter, CancellationToken ct) where T : IMonthlyFact<T>
    {
        if (!loaded.TryGetValue((typeof(T), filter.From, filter.To), out var facts))
        {
            loaded[(typeof(T), filter.From, filter.To)] = facts = await Store.LoadAsync<T>(filter.From, filter.To, ct);
        }

        return (List<T>)facts;
    }

    /// <summary>The rep, team and region filters as a predicate on rep ids (the live queries join the same Reps rows).</summary>
    private async Task<Func<long, bool>> RepSelectorAsync(MetricFilter filter, CancellationToken ct)
    {
        if (filter.RepId is null && filter.Team is null && filter.Region is null)
        {
            return _ => true;
        }

        if (filter.Team is null && filter.Region is null)
        {
            return id => id == filter.RepId;
        }

        reps ??= await RepsAsync(ct);
        var ids = reps.Where(r => (filter.RepId is null || r.Id == filter.RepId)
            && (filter.Team is null || r.Team == filter.Team) && (filter.Region is null || r.Region == filter.Region))
            .Select(r => r.Id).ToHashSet();
        return ids.Contains;
    }

    private static Func<long, bool> StageSelector(MetricFilter filter, IReadOnlyList<StageInfo> stages)
    {
        if (filter.Stage is null)
        {
            return _ => true;
        }

        var id = stages.FirstOrDefault(s => s.Code == filter.Stage)?.Id;
        return stageId => stageId == id;
    }

    private async Task<List<StageFact>> StageFactsAsync(MetricFilter filter, IReadOnlyList<StageInfo> stages, CancellationToken ct)
    {
        var rep = await RepSelectorAsync(filter, ct);
        var stage = StageSelector(filter, stages);
        return [.. (await FactsAsync<StageFact>(filter, ct)).Where(f => rep(f.RepId) && stage(f.StageId))];
    }

    private async Task<(Dictionary<long, (long Entered, long Advanced, long Lost)> Counts, Dictionary<string, Spread> Days)> FunnelFactsAsync(
        MetricFilter filter, IReadOnlyList<StageInfo> stages, CancellationToken ct)
    {
        var counts = new Dictionary<long, (long Entered, long Advanced, long Lost)>();
        var days = new Dictionary<long, List<double>>();
        foreach (var fact in await StageFactsAsync(filter, stages, ct))
        {
            var (entered, advanced, lost) = counts.GetValueOrDefault(fact.StageId);
            counts[fact.StageId] = (entered + fact.Entered, advanced + fact.Advanced, lost + fact.Lost);
            if (!days.TryGetValue(fact.StageId, out var list))
            {
                days[fact.StageId] = list = [];
            }

            list.AddRange(fact.Days);
        }

        return (counts, days.Where(kv => kv.Value.Count > 0).ToDictionary(
            kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => MetricQuery.SpreadOf(kv.Value), StringComparer.Ordinal));
    }

    private async Task<Spread> ConversionCycleFromFactsAsync(MetricFilter filter, CancellationToken ct)
    {
        var rep = await RepSelectorAsync(filter, ct);
        return MetricQuery.SpreadOf([.. (await FactsAsync<DealFact>(filter, ct)).Where(f => rep(f.OwnerId)).SelectMany(f => f.Cycles)]);
    }

    private async Task<Dictionary<long, Dictionary<string, RepStageCell>>> CellsFromFactsAsync(MetricFilter filter, IReadOnlyList<StageInfo> stages, CancellationToken ct)
    {
        var codes = stages.ToDictionary(s => s.Id, s => s.Code);
        var cells = new Dictionary<long, Dictionary<string, RepStageCell>>();
        foreach (var fact in await StageFactsAsync(filter, stages, ct))
        {
            if (!codes.TryGetValue(fact.StageId, out var code))
            {
                continue;
            }

            if (!cells.TryGetValue(fact.RepId, out var byStage))
            {
                cells[fact.RepId] = byStage = [];
            }

            var cell = byStage.GetValueOrDefault(code) ?? new RepStageCell(code, 0, 0);
            byStage[code] = cell with { Decided = cell.Decided + fact.Advanced + fact.Lost, Advanced = cell.Advanced + fact.Advanced };
        }

        return cells;
    }

    private async Task<IReadOnlyList<MonthlyRate>> TrendFromFactsAsync(long repId, MetricFilter company, CancellationToken ct)
    {
        var months = new SortedDictionary<string, (long RepDecided, long RepAdvanced, long Decided, long Advanced)>(StringComparer.Ordinal);
        foreach (var fact in await StageFactsAsync(company, await StagesAsync(ct), ct))
        {
            var m = months.GetValueOrDefault(fact.Month);
            var mine = fact.RepId == repId;
            months[fact.Month] = (m.RepDecided + (mine ? fact.Advanced + fact.Lost : 0), m.RepAdvanced + (mine ? fact.Advanced : 0),
                m.Decided + fact.Advanced + fact.Lost, m.Advanced + fact.Advanced);
        }

        return [.. months.Select(kv => new MonthlyRate(kv.Key,
            new RepStageCell(string.Empty, kv.Value.RepDecided, kv.Value.RepAdvanced),
            new RepStageCell(string.Empty, kv.Value.Decided, kv.Value.Advanced)))];
    }

    private async Task<SalesKpis> SalesKpisFromFactsAsync(MetricFilter filter, CancellationToken ct)
    {
        var rep = await RepSelectorAsync(filter, ct);
        var activities = (await FactsAsync<ActivityFact>(filter, ct)).Where(f => rep(f.RepId)).ToList();
        var deals = (await FactsAsync<DealFact>(filter, ct)).Where(f => rep(f.OwnerId)).ToList();
        var accuracyCount = activities.Sum(f => f.AccuracyCount);
        var cycles = deals.Sum(f => f.Cycles.Count);
        return new SalesKpis(await NewCustomersAsync(filter, ct),
            activities.Sum(f => f.Contacts), Distinct(activities.Select(f => f.Contacted)), activities.Sum(f => f.Quotes),
            accuracyCount == 0 ? null : activities.Sum(f => f.AccuracySum) / accuracyCount,
            deals.Sum(f => f.Forecast), deals.Sum(f => f.Revenue), deals.Sum(f => f.Collected), activities.Sum(f => f.Cost),
            deals.Sum(f => f.Won), deals.Sum(f => f.Lost), cycles == 0 ? null : deals.Sum(f => f.Cycles.Sum()) / cycles);
    }

    private async Task<ActivityMix> ActivityMixFromFactsAsync(MetricFilter filter, CancellationToken ct)
    {
        var rep = await RepSelectorAsync(filter, ct);
        var activities = (await FactsAsync<ActivityFact>(filter, ct)).Where(f => rep(f.RepId)).ToList();
        return new ActivityMix(Distinct(activities.Select(f => f.Worked)), activities.Sum(f => f.Visits), activities.Sum(f => f.Calls),
            activities.Sum(f => f.Proposals), activities.Sum(f => f.Quotes));
    }

    private async Task<ServiceGroups> ServiceGroupsFromFactsAsync(MetricFilter filter, CancellationToken ct)
    {
        var rep = await RepSelectorAsync(filter, ct);
        var all = new CaseAccumulator();
        var byChannel = new Dictionary<string, CaseAccumulator>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, CaseAccumulator>(StringComparer.Ordinal);
        var byMonth = new SortedDictionary<string, CaseAccumulator>(StringComparer.Ordinal);
        foreach (var fact in (await FactsAsync<CaseFact>(filter, ct)).Where(f => rep(f.AgentId)))
        {
            foreach (var acc in new[] { all, Get(byChannel, fact.Channel), Get(byCategory, fact.Category), Get(byMonth, fact.Month) })
            {
                acc.Merge(fact.Cases);
            }
        }

        return ToGroups(all, byChannel, byCategory, byMonth);
    }

    /// <summary>
    /// Distinct opportunities across months and reps (an opportunity worked in two months counts once): a
    /// bitmap over the ids, several times faster than a hash set for the ~250k ids of a company year.
    /// </summary>
    private static long Distinct(IEnumerable<IReadOnlyCollection<long>> sets)
    {
        var all = sets.ToList();
        var max = all.Where(s => s.Count > 0).Select(s => s.Max()).DefaultIfEmpty(-1).Max();
        if (max < 0 || max > int.MaxValue - 1)
        {
            return all.SelectMany(s => s).Distinct().LongCount();
        }

        var seen = new bool[max + 1];
        long count = 0;
        foreach (var id in all.SelectMany(s => s))
        {
            if (id >= 0 && !seen[id])
            {
                seen[id] = true;
                count++;
            }
        }

        return count + all.SelectMany(s => s).Where(id => id < 0).Distinct().LongCount();
    }
}
