using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// Credits each rep at each stage with observed-minus-expected advances, shrinks the effect with a two-group
/// empirical-Bayes prior fitted per stage, and classifies pairs with a posterior threshold plus FDR control
/// across all pairs. The expectation must come from a model that never saw the rep (out-of-fold, grouped by rep).
/// </summary>
public sealed class PerformerAnalyzer(EvidenceOptions options)
{
    private const double ProbabilityFloor = 1e-6;

    /// <summary>Analyses stage history with the expected P(advance) of each row (same order).</summary>
    /// <exception cref="ArgumentException">The two lists differ in length (a wiring error, not a data problem).</exception>
    public InsightOutcome<PerformerAnalysis> Analyze(IReadOnlyList<StageOutcomeObservation> observations, IReadOnlyList<double> expected)
    {
        if (observations.Count != expected.Count)
        {
            throw new ArgumentException($"{observations.Count} observations but {expected.Count} expectations.", nameof(expected));
        }

        if (observations.Count == 0)
        {
            return InsightOutcome<PerformerAnalysis>.Insufficient("no stage history rows");
        }

        var pairs = new Dictionary<(long Rep, string Stage), Pair>();
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (!pairs.TryGetValue((o.RepId, o.Stage), out var pair))
            {
                pairs[(o.RepId, o.Stage)] = pair = new Pair(o.RepId, o.Stage);
            }

            var p = Math.Clamp(expected[i], ProbabilityFloor, 1 - ProbabilityFloor);
            pair.Statistics.Add(o, p);
        }

        var stages = new List<StagePrior>();
        var evaluated = new List<Evaluated>();
        foreach (var stageGroup in pairs.Values.GroupBy(p => p.Stage, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var stageStats = new PairStatistics();
            foreach (var pair in stageGroup)
            {
                stageStats.Merge(pair.Statistics);
            }

            var estimates = stageGroup.OrderBy(p => p.Rep).Select(p => Estimate(p)).ToList();
            var eligible = estimates.Where(e => e.InsufficientReason is null).ToList();
            TwoGroupPrior? prior = null;
            NotEnoughData? stageProblem = null;
            var inflation = 1.0;
            if (eligible.Count >= options.MinPairsPerStage)
            {
                inflation = NullInflation(eligible);
                prior = TwoGroupPrior.Fit(eligible.Select(e => e.Effect).ToArray(), eligible.Select(e => e.StandardError * Math.Sqrt(inflation)).ToArray(), options.MinNullProportion);
            }
            else
            {
                stageProblem = new NotEnoughData($"only {eligible.Count} reps with enough evidence at this stage; at least {options.MinPairsPerStage} are needed to fit a prior");
            }

            var baseRate = (double)stageStats.Advanced / stageStats.Entries;
            stages.Add(new StagePrior(stageGroup.Key, stageStats.Entries, baseRate, estimates.Count, eligible.Count, inflation, prior, stageProblem));
            evaluated.AddRange(estimates.Select(e => e with
            {
                Posterior = prior?.Posterior(e.Effect, e.StandardError * Math.Sqrt(inflation)) ?? new EffectPosterior(0, 0, 0, 0),
                InsufficientReason = e.InsufficientReason ?? stageProblem?.Reason,
                StageStatistics = stageStats,
                BaseRate = baseRate,
            }));
        }

        if (stages.All(s => s.Prior is null))
        {
            return InsightOutcome<PerformerAnalysis>.Insufficient(
                $"no stage has {options.MinPairsPerStage} reps with at least {options.MinEntries} entries; {stages.Sum(s => s.EligiblePairs)} pairs have enough evidence");
        }

        var candidates = evaluated.Where(e => e.InsufficientReason is null).ToList();
        var standouts = SelectAtFdr(candidates, e => e.Posterior.ProbabilityPositive, out var standoutFdr);
        var coaching = SelectAtFdr(candidates, e => e.Posterior.ProbabilityNegative, out var coachingFdr);
        var findings = evaluated.Select(e => ToFinding(e, standouts.Contains(e.Pair) ? FindingClass.Standout : coaching.Contains(e.Pair) ? FindingClass.NeedsCoaching : Classify(e))).ToList();
        return InsightOutcome<PerformerAnalysis>.Success(new PerformerAnalysis(findings, stages, standoutFdr, coachingFdr));
    }

    /// <summary>
    /// Pairs whose posterior passes the threshold, taken in increasing local FDR while the mean local FDR of the
    /// selected set stays within the target: the Bayesian FDR of the whole set is then at most the target.
    /// </summary>
    private HashSet<Pair> SelectAtFdr(List<Evaluated> candidates, Func<Evaluated, double> probability, out double estimatedFdr)
    {
        var selected = new HashSet<Pair>();
        double sumLfdr = 0;
        foreach (var e in candidates.Where(e => probability(e) >= options.PosteriorThreshold).OrderByDescending(probability))
        {
            var lfdr = 1 - probability(e);
            if ((sumLfdr + lfdr) / (selected.Count + 1) > options.TargetFdr)
            {
                break;
            }

            sumLfdr += lfdr;
            selected.Add(e.Pair);
        }

        estimatedFdr = selected.Count == 0 ? 0 : sumLfdr / selected.Count;
        return selected;
    }

    /// <summary>
    /// Empirical null (Efron): the spread of z among mostly-null reps, measured robustly as (MAD/0.6745)², never
    /// below 1. Deal-mix effects the model misses make z over-dispersed; widening the null by that much keeps them
    /// from being credited to reps. Off (1) when <see cref="EvidenceOptions.EmpiricalNull"/> is false.
    /// </summary>
    private double NullInflation(List<Evaluated> eligible)
    {
        if (!options.EmpiricalNull)
        {
            return 1;
        }

        var z = eligible.Select(e => e.Z).Order().ToArray();
        var median = z[z.Length / 2];
        var mad = z.Select(v => Math.Abs(v - median)).Order().ElementAt(z.Length / 2);
        return Math.Max(1, Math.Pow(mad / 0.6745, 2));
    }

    private FindingClass Classify(Evaluated e) =>
        e.InsufficientReason is not null ? FindingClass.InsufficientData
        : e.Posterior.ProbabilityPositive >= options.PromisingPosterior || e.Z >= options.PromisingZ ? FindingClass.Promising
        : FindingClass.Typical;

    private Evaluated Estimate(Pair pair)
    {
        var s = pair.Statistics;
        var sd = Math.Sqrt(s.Variance);
        string? reason = s.Entries < options.MinEntries
            ? $"{s.Entries} entries; at least {options.MinEntries} are needed"
            : s.Expected < options.MinExpectedCount || s.Entries - s.Expected < options.MinExpectedCount
                ? FormattableString.Invariant($"expected {s.Expected:0.0} advances of {s.Entries}; both outcomes need at least {options.MinExpectedCount} expected")
                : null;
        return new Evaluated(pair, (s.Advanced - s.Expected) / s.Variance, 1 / sd, (s.Advanced - s.Expected) / sd, reason);
    }

    private RepStageFinding ToFinding(Evaluated e, FindingClass cls)
    {
        var s = e.Pair.Statistics;
        var expectedRate = s.Expected / s.Entries;
        var z = options.IntervalZ;
        var rateLow = Logistic(Logit(expectedRate) + e.Effect - (z * e.StandardError));
        var rateHigh = Logistic(Logit(expectedRate) + e.Effect + (z * e.StandardError));
        var sd = Math.Sqrt(s.Variance);
        return new RepStageFinding(
            e.Pair.Rep,
            e.Pair.Stage,
            cls,
            s.Entries,
            s.Advanced,
            s.Expected,
            (double)s.Advanced / s.Entries,
            expectedRate,
            s.Advanced / s.Expected,
            e.Effect,
            e.StandardError,
            e.Z,
            e.Effect - (z * e.StandardError),
            e.Effect + (z * e.StandardError),
            s.Advanced - s.Expected - (z * sd),
            s.Advanced - s.Expected + (z * sd),
            e.Posterior,
            cls is FindingClass.Standout or FindingClass.NeedsCoaching,
            Logistic(Logit(expectedRate) + e.Posterior.MeanEffect),
            Logistic(Logit(Math.Clamp(e.BaseRate, ProbabilityFloor, 1 - ProbabilityFloor)) + e.Posterior.MeanEffect),
            ExplanationBuilder.Build(s, e.StageStatistics!, rateLow, rateHigh, options.DealDifficultyMargin),
            cls == FindingClass.InsufficientData ? e.InsufficientReason : null);
    }

    internal static double Logit(double p) => Math.Log(p / (1 - p));

    internal static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private sealed class Pair(long rep, string stage)
    {
        public long Rep { get; } = rep;

        public string Stage { get; } = stage;

        public PairStatistics Statistics { get; } = new();
    }

    private sealed record Evaluated(Pair Pair, double Effect, double StandardError, double Z, string? InsufficientReason)
    {
        public EffectPosterior Posterior { get; init; } = new(0, 0, 0, 0);

        public PairStatistics? StageStatistics { get; init; }

        public double BaseRate { get; init; }
    }
}
