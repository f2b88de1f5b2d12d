using KnowledgeKaizen.SeedGenerator.Model;
using KnowledgeKaizen.SeedGenerator.People;
using KnowledgeKaizen.SeedGenerator.Truth;

namespace KnowledgeKaizen.SeedGenerator.Pipeline;

/// <summary>
/// Walks the calendar day by day, creates opportunities and runs each through the stages, yielding one
/// opportunity at a time in creation order. Only per-customer and per-rep state is kept, so memory stays
/// flat however many opportunities are produced.
/// </summary>
internal sealed class PipelineSimulator
{
    /// <summary>Relative volume of new opportunities by calendar month (January first).</summary>
    private static readonly double[] MonthVolume = [0.9, 0.8, 1.05, 1.0, 1.05, 1.0, 0.95, 0.85, 1.1, 1.15, 1.1, 0.95];

    private static readonly string[][] LossReasons =
    [
        ["no_budget", "not_a_fit", "no_response"],
        ["no_decision", "not_a_fit", "no_budget"],
        ["no_decision", "competitor"],
        ["price", "competitor"],
        ["price", "competitor", "timing"],
        ["timing", "legal_terms", "competitor"],
    ];

    /// <summary>
    /// Standouts at late stages carry more (key-account) deals, otherwise their hard deals rarely get that far
    /// and their skill could not be measured.
    /// </summary>
    private static readonly double[] StandoutVolume = [1, 1, 1.5, 2.5, 3, 1];

    private static readonly (string Code, double Weight)[] SegmentMedians = [("smb", 7_000), ("mid", 40_000), ("enterprise", 180_000)];

    private readonly DemoDataOptions _options;
    private readonly IReadOnlyList<DemoRep> _reps;
    private readonly CustomerDirectory _customers;
    private readonly DateTime?[] _firstWin;
    private readonly List<DemoRep>[] _salesByRegion;
    private readonly Random _random;
    private readonly ActivityPlanner _planner;
    private long _stageIds;
    private long _activityIds;

    public PipelineSimulator(DemoDataOptions options, IReadOnlyList<DemoRep> reps, IReadOnlyList<DemoCustomer> customers)
    {
        _options = options;
        _reps = reps;
        _customers = new CustomerDirectory(customers);
        _firstWin = new DateTime?[customers.Count];
        _salesByRegion = Enumerable.Range(0, 4).Select(r => reps.Where(x => x.IsSales && x.Region == r).ToList()).ToArray();
        _random = RandomExtensions.Derive(options.Seed, 3);
        _planner = new ActivityPlanner(_random);
        Tally = new TruthTally(reps.Count);
    }

    /// <summary>Sums over everything yielded so far.</summary>
    public TruthTally Tally { get; }

    public IEnumerable<SimulatedOpportunity> Run()
    {
        var days = (int)(_options.End - _options.Start).TotalDays;
        var weights = new double[days];
        var total = 0.0;
        for (var d = 0; d < days; d++)
        {
            var day = _options.Start.AddDays(d);
            weights[d] = MonthVolume[day.Month - 1] * (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.2 : 1.0);
            total += weights[d];
        }

        long number = 0;
        for (var d = 0; d < days; d++)
        {
            var count = _random.NextPoisson(_options.Opportunities * weights[d] / total);
            var day = _options.Start.AddDays(d);
            var times = Enumerable.Range(0, count).Select(_ => _random.Between(7.5, 18.5)).Order().ToArray();
            foreach (var hour in times)
            {
                yield return Simulate(++number, Times.Minute(day.AddHours(hour)));
            }
        }
    }

    private SimulatedOpportunity Simulate(long number, DateTime created)
    {
        var id = $"OPP-{number:000000}";
        var customer = _customers.Pick(_random, created);
        var segmentMedian = SegmentMedians.First(s => s.Code == customer.Segment).Weight;
        var amount = Math.Max(500m, Math.Round((decimal)_random.NextLogNormal(segmentMedian, 0.55) / 100m) * 100m);
        var source = _random.PickWeighted(Catalog.Sources.Select((s, i) => (i, s.Weight)).ToList());
        var deal = new DealFeatures(amount, customer.Industry, source, customer.Region, _firstWin[customer.Index] < created);
        var owner = PickOwner(customer.Region, created, OutcomeModel.DealLogit(deal));
        var finalAmount = Math.Round(amount * (decimal)_random.Between(0.85, 1.0) / 10m) * 10m;
        var stages = new List<StageEntry>(Catalog.Stages.Count);
        var activities = new List<ActivityRow>();
        var entered = created;
        var outcome = "open";
        DateTime? closedAt = null;
        string? lossReason = null;

        for (var stage = 0; stage < Catalog.Stages.Count; stage++)
        {
            var keyOffset = _planner.KeyActivityOffset(stage, owner);
            var left = Times.Minute(entered.AddDays(_planner.Duration(stage, amount, keyOffset)));
            var expected = OutcomeModel.ExpectedProbability(stage, deal, left);
            var truth = OutcomeModel.Sigmoid(OutcomeModel.Logit(expected) + owner.StageEffect[stage]);
            var draw = _random.NextDouble();
            if (owner.Lucky)
            {
                // The lucky new rep has no skill effect; the best of two draws just guarantees a good-looking
                // small sample that an analysis must not mistake for a standout.
                draw = Math.Min(draw, _random.NextDouble());
            }

            var advanced = draw < truth;
            var open = left >= _options.End;
            var signature = _planner.Plan(activities, () => $"ACT-{++_activityIds:0000000}", id, owner, stage, created, entered,
                open ? _options.End : left, keyOffset, stage == Catalog.Quote ? _planner.QuoteAmount(owner, finalAmount) : 0m);
            var result = open ? StageOutcome.Open : advanced ? StageOutcome.Advanced : StageOutcome.Lost;
            stages.Add(new StageEntry($"SH-{++_stageIds:0000000}", id, owner.Id, stage, entered, open ? null : left, result, deal, expected, truth));
            if (open)
            {
                break;
            }

            Tally.Decided(owner.Index, stage, advanced, expected, left, signature);
            if (!advanced)
            {
                outcome = "lost";
                closedAt = left;
                lossReason = _random.Pick(LossReasons[stage]);
                break;
            }

            if (stage == Catalog.Close)
            {
                outcome = "won";
                closedAt = left;
                _firstWin[customer.Index] ??= left;
            }

            entered = left;
        }

        var won = outcome == "won";
        var expectedClose = DateOnly.FromDateTime(created.AddDays(_random.NextLogNormal(75, 0.35)));
        var row = new OpportunityRow(
            id, customer.Id, owner.Id, amount, Catalog.Industries[deal.Industry].Code, Catalog.Sources[source].Code,
            Catalog.Regions[customer.Region], created, expectedClose,
            Forecast(amount, deal, expectedClose, _random.Between(0.85, 1.1)),
            closedAt, outcome, lossReason, won ? finalAmount : null, won ? Collected(finalAmount, closedAt!.Value) : null);
        activities.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return new SimulatedOpportunity(row, stages, activities);
    }

    /// <summary>
    /// The rep's forecast for a new opportunity: its amount weighted by the chance to win it, as a CRM's expected revenue is
    /// (the chance of passing every stage for a deal like this one, decided around the expected close), give or take the
    /// rep's judgement (<paramref name="judgement"/>, 0.85–1.1). Summed over a period it comes close to the revenue won.
    /// </summary>
    private static decimal Forecast(decimal amount, in DealFeatures deal, DateOnly expectedClose, double judgement)
    {
        var decided = expectedClose.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var chance = 1.0;
        for (var stage = 0; stage < Catalog.Stages.Count; stage++)
        {
            chance *= OutcomeModel.ExpectedProbability(stage, deal, decided);
        }

        return Math.Round(amount * (decimal)(chance * judgement) / 100m) * 100m;
    }

    /// <summary>Older deals are collected in full; recent ones are often still partly outstanding.</summary>
    private decimal Collected(decimal final, DateTime closed)
    {
        var age = (_options.End - closed).TotalDays;
        var share = age > 60
            ? (_random.Chance(0.92) ? 1.0 : _random.Between(0.5, 0.95))
            : _random.PickWeighted([(1.0, 0.4), (_random.Between(0.3, 0.9), 0.3), (0.0, 0.3)]);
        return Math.Round(final * (decimal)share, 2);
    }

    /// <summary>
    /// Standouts are handed harder deals (weight exp(-tilt × deal log-odds)), which hides their skill in raw
    /// rates; everyone else, including new reps once hired, gets an even share.
    /// </summary>
    private DemoRep PickOwner(int region, DateTime when, double dealLogit)
    {
        var today = DateOnly.FromDateTime(when);
        var candidates = _salesByRegion[region];
        var weights = new List<(DemoRep, double)>(candidates.Count);
        foreach (var rep in candidates)
        {
            if (rep.HiredAt <= today)
            {
                var weight = rep.Planted == PlantedRole.Standout
                    ? Math.Min(20.0, 0.1 * Math.Exp(-_options.HardDealTilt * dealLogit)) * StandoutVolume[rep.PlantedStage!.Value]
                    : 1.0;
                weights.Add((rep, weight));
            }
        }

        return _random.PickWeighted(weights);
    }
}
