namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// Check, computed: the metric in the baseline window vs after the rollout, and — for rep-level metrics —
/// adopters (reps whose user marked a linked playbook "I applied this") vs the other reps after the rollout.
/// </summary>
public sealed class CycleChecker(KnowledgeKaizenDbContext db, CycleMetrics metrics, AdoptionService adoption, TimeProvider clock)
{
    public const int MaxSeriesMonths = 36;

    /// <summary>Computes the check; with <paramref name="store"/> the result is saved on the cycle (Check/Adapt phases).</summary>
    public async Task<CycleCheck?> CheckAsync(int cycleId, bool store, CancellationToken ct = default)
    {
        var cycle = await db.ImprovementCycles.Include(c => c.Links).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var afterTo = cycle.CheckDate < now ? cycle.CheckDate : now;
        var afterFrom = cycle.RolloutDate;
        var definition = metrics.Catalogue.Find(cycle.Target.MetricKey);
        if (definition is null)
        {
            var unavailable = new CheckResult(CheckVerdict.Unavailable, null, null, 0, 0, null, null, null, null, null, now);
            return await FinishAsync(cycle, unavailable, null, false, null, 0, [], afterFrom, afterTo, store, ct);
        }

        var before = await metrics.ObserveAsync(definition, cycle.Target, cycle.BaselineFrom, cycle.BaselineTo, ct);
        var after = await metrics.ObserveAsync(definition, cycle.Target, afterFrom, afterTo, ct);
        var overall = Compare(definition, before, after);

        ImpactEstimate? adopters = null;
        var adopterReps = 0;
        var playbooks = cycle.Links.Where(l => l.Kind == CycleLinkKind.Playbook).Select(l => l.TargetId).ToList();
        if (definition.HasTeam && playbooks.Count > 0)
        {
            var reps = await adoption.AdopterRepsAsync(playbooks, afterTo, ct);
            adopterReps = reps.Count;
            var withRep = after.Where(o => o.RepId is not null).ToList();
            var adopted = withRep.Where(o => reps.TryGetValue(o.RepId!.Value, out var since) && o.At >= since).ToList();
            var others = withRep.Where(o => !reps.ContainsKey(o.RepId!.Value)).ToList();
            adopters = Scaled(definition, Compare(definition, others, adopted));
        }

        var scaled = Scaled(definition, overall);
        var result = new CheckResult(scaled.Verdict, scaled.First, scaled.Second, scaled.FirstSample, scaled.SecondSample,
            scaled.Effect, scaled.Low, scaled.High, scaled.PValue, adopters?.Effect, now);
        var series = await SeriesAsync(cycle, afterTo, ct);
        return await FinishAsync(cycle, result, definition, cycle.DefinitionChanged(definition.Version), adopters, adopterReps, series, afterFrom, afterTo, store, ct);
    }

    /// <summary>The statistics on two groups of observations, in raw units (shares or durations).</summary>
    public static ImpactEstimate Compare(CatalogueMetric definition, IReadOnlyList<Observation> first, IReadOnlyList<Observation> second) =>
        definition.Shape == MetricShape.Proportion
            ? ImpactStatistics.CompareProportions((long)first.Sum(o => o.Value), first.Count, (long)second.Sum(o => o.Value), second.Count, definition.HigherIsBetter)
            : ImpactStatistics.CompareDurations([.. first.Select(o => o.Value)], [.. second.Select(o => o.Value)], definition.HigherIsBetter);

    private static ImpactEstimate Scaled(CatalogueMetric definition, ImpactEstimate estimate)
    {
        var k = definition.Shape == MetricShape.Proportion ? definition.Scale : 1;
        return estimate with
        {
            First = estimate.First * k, Second = estimate.Second * k, Effect = estimate.Effect * k, Low = estimate.Low * k, High = estimate.High * k,
        };
    }

    private async Task<IReadOnlyList<MonthPoint>> SeriesAsync(ImprovementCycle cycle, DateTime afterTo, CancellationToken ct)
    {
        var points = new List<MonthPoint>();
        var end = afterTo > cycle.BaselineTo ? afterTo : cycle.BaselineTo;
        for (var month = new DateTime(cycle.BaselineFrom.Year, cycle.BaselineFrom.Month, 1, 0, 0, 0, DateTimeKind.Utc);
             month < end && points.Count < MaxSeriesMonths; month = month.AddMonths(1))
        {
            var measured = await metrics.MeasureAsync(cycle.Target, month, month.AddMonths(1), ct);
            var period = month < cycle.BaselineTo && month.AddMonths(1) > cycle.BaselineFrom ? "before"
                : month.AddMonths(1) > cycle.RolloutDate && month < afterTo ? "after" : string.Empty;
            points.Add(new MonthPoint(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), measured.Value, measured.Sample, period));
        }

        return points;
    }

    private async Task<CycleCheck> FinishAsync(ImprovementCycle cycle, CheckResult result, CatalogueMetric? definition, bool definitionChanged,
        ImpactEstimate? adopters, int adopterReps, IReadOnlyList<MonthPoint> series, DateTime afterFrom, DateTime afterTo, bool store, CancellationToken ct)
    {
        if (store && cycle.Phase is CyclePhase.Check or CyclePhase.Adapt)
        {
            cycle.RecordCheck(result);
            await db.SaveChangesAsync(ct);
        }

        return new CycleCheck(result, definition, definitionChanged, adopters, adopterReps, series, afterFrom, afterTo);
    }
}
