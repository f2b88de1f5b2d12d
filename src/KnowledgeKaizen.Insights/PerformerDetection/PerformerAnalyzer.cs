namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// Credits each rep at each stage with their shift from what their own deals predicted, judged by the exact likelihood
/// of their entries under a zero-centred two-group prior fitted per stage; shows the posterior rate (always between
/// the expected and the observed rate) with its credible interval, and selects Standouts and Needs-coaching pairs each
/// under its own Bayesian false-discovery control. The expectation must come from a model that never saw the rep
/// (out-of-fold, grouped by rep).
/// </summary>
public sealed class PerformerAnalyzer(EvidenceOptions options)
{
    private const double ProbabilityFloor = 1e-6;

    /// <summary>Expected log-odds are grouped in steps of 1/<see cref="EtaResolution"/> for the likelihood.</summary>
    private const double EtaResolution = 16;

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
            return InsightOutcome<PerformerAnalysis>.Insufficient(InsightMessages.NoStageHistory);
        }

        var pairs = Group(observations, expected, i => observations[i].Advanced, explain: true);
        var run = Evaluate(pairs, withDisplay: true);
        if (run.Stages.All(s => s.Prior is null))
        {
            return InsightOutcome<PerformerAnalysis>.Insufficient(InsightMessages.Format(
                InsightMessages.NoStageWithEnoughReps, options.MinPairsPerStage, options.MinEntries, run.Stages.Sum(s => s.EligiblePairs)));
        }

        var findings = run.Pairs.Select(e => ToFinding(e, run.ClassOf(e))).ToList();
        return InsightOutcome<PerformerAnalysis>.Success(new PerformerAnalysis(findings, run.Stages, run.StandoutFdr, run.CoachingFdr));
    }

    /// <summary>
    /// The classes the analysis gives when the outcomes are <paramref name="advanced"/> instead of the observed ones, without
    /// explanations: for simulating data under a known truth. Null when no stage can fit a prior.
    /// </summary>
    internal IReadOnlyList<(long Rep, string Stage, FindingClass Class)>? Classify(
        IReadOnlyList<StageOutcomeObservation> observations, IReadOnlyList<double> expected, IReadOnlyList<bool> advanced)
    {
        var run = Evaluate(Group(observations, expected, i => advanced[i], explain: false), withDisplay: false);
        return run.Stages.All(s => s.Prior is null) ? null : run.Pairs.Select(e => (e.Pair.Rep, e.Pair.Stage, run.ClassOf(e))).ToList();
    }

    private static List<Pair> Group(IReadOnlyList<StageOutcomeObservation> observations, IReadOnlyList<double> expected, Func<int, bool> advanced, bool explain)
    {
        var pairs = new Dictionary<(long Rep, string Stage), Pair>();
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (!pairs.TryGetValue((o.RepId, o.Stage), out var pair))
            {
                pairs[(o.RepId, o.Stage)] = pair = new Pair(o.RepId, o.Stage, explain);
            }

            pair.Add(o, Math.Clamp(expected[i], ProbabilityFloor, 1 - ProbabilityFloor), advanced(i));
        }

        return [.. pairs.Values];
    }

    private Run Evaluate(List<Pair> pairs, bool withDisplay)
    {
        var stageGroups = pairs.GroupBy(p => p.Stage, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p.Rep).ToList()).ToList();
        var grids = new Dictionary<Pair, LikelihoodGrid>();
        foreach (var pair in stageGroups.SelectMany(g => g).Where(p => withDisplay || InsufficientReason(p) is null))
        {
            grids[pair] = pair.Likelihood().Grid(TwoGroupPrior.MinExpectationError);
        }

        var fitted = stageGroups.Where(g => g.Count(p => InsufficientReason(p) is null) >= options.MinPairsPerStage).ToList();
        var priors = TwoGroupPrior.Fit(
            fitted.Select(g => (IReadOnlyList<LikelihoodGrid>)[.. g.Where(p => InsufficientReason(p) is null).Select(p => grids[p])]).ToList(),
            options.MinNullProportion,
            options.NullPseudoCount);
        var priorOf = fitted.Select((g, i) => (g[0].Stage, priors[i])).ToDictionary(x => x.Stage, x => x.Item2, StringComparer.Ordinal);

        var stages = new List<StagePrior>();
        var evaluated = new List<Evaluated>();
        foreach (var ordered in stageGroups)
        {
            var stage = ordered[0].Stage;
            var stageEntries = ordered.Sum(p => p.Entries);
            var baseRate = (double)ordered.Sum(p => p.Advanced) / stageEntries;
            var companyLogit = Logit(Math.Clamp(baseRate, ProbabilityFloor, 1 - ProbabilityFloor));
            var eligible = ordered.Count(p => InsufficientReason(p) is null);
            var prior = priorOf.GetValueOrDefault(stage);
            var stageProblem = prior is null
                ? new NotEnoughData(InsightMessages.Format(InsightMessages.TooFewRepsAtStage, eligible, options.MinPairsPerStage))
                : null;

            PairStatistics? stageStatistics = null;
            if (withDisplay)
            {
                stageStatistics = new PairStatistics();
                foreach (var pair in ordered)
                {
                    stageStatistics.Merge(pair.Statistics!);
                }
            }

            stages.Add(new StagePrior(stage, stageEntries, baseRate, ordered.Count, eligible, prior, stageProblem));
            foreach (var pair in ordered.Where(grids.ContainsKey))
            {
                var likelihood = pair.Likelihood();
                var posterior = prior is null
                    ? TwoGroupPrior.WithoutPrior(likelihood, grids[pair], companyLogit, options.IntervalZ)
                    : prior.Posterior(likelihood, grids[pair], companyLogit, options.IntervalZ);
                evaluated.Add(new Evaluated(pair, posterior, InsufficientReason(pair) ?? stageProblem?.Reason, stageStatistics));
            }
        }

        var candidates = evaluated.Where(e => e.InsufficientReason is null).ToList();
        var standouts = SelectAtFdr(candidates, e => e.Posterior.FalseStandoutProbability, out var standoutFdr);
        var coaching = SelectAtFdr(candidates, e => e.Posterior.FalseCoachingProbability, out var coachingFdr);
        return new Run(evaluated, stages, standouts, coaching, standoutFdr, coachingFdr, options.PromisingPosterior);
    }

    /// <summary>
    /// Pairs whose probability of a wrong flag is at most 1 − <see cref="EvidenceOptions.PosteriorThreshold"/>, taken from
    /// the least likely to be wrong while the mean of that probability over the selected set stays within the target:
    /// the expected share of wrong flags in the set (its Bayesian FDR) is then at most the target. Each class is selected
    /// on its own, so neither can spend the other's error budget.
    /// </summary>
    private HashSet<Pair> SelectAtFdr(List<Evaluated> candidates, Func<Evaluated, double> wrongFlag, out double estimatedFdr)
    {
        var selected = new HashSet<Pair>();
        double sum = 0;
        foreach (var e in candidates.Where(e => wrongFlag(e) <= 1 - options.PosteriorThreshold).OrderBy(wrongFlag))
        {
            var wrong = wrongFlag(e);
            if ((sum + wrong) / (selected.Count + 1) > options.TargetFdr)
            {
                break;
            }

            sum += wrong;
            selected.Add(e.Pair);
        }

        estimatedFdr = selected.Count == 0 ? 0 : sum / selected.Count;
        return selected;
    }

    private string? InsufficientReason(Pair p) =>
        p.Entries < options.MinEntries
            ? InsightMessages.Format(InsightMessages.TooFewEntries, p.Entries, options.MinEntries)
            : p.Expected < options.MinExpectedCount || p.Entries - p.Expected < options.MinExpectedCount
                ? InsightMessages.Format(InsightMessages.TooFewExpected, p.Expected, p.Entries, options.MinExpectedCount)
                : null;

    private RepStageFinding ToFinding(Evaluated e, FindingClass cls)
    {
        var p = e.Pair;
        var s = p.Statistics!;
        var expectedRate = p.Expected / p.Entries;
        var rawRate = (double)p.Advanced / p.Entries;
        var z = options.IntervalZ;
        var sd = Math.Sqrt(p.Variance);
        var effect = (p.Advanced - p.Expected) / p.Variance;
        var effectError = 1 / sd;

        // The posterior mean lies between the expected and the observed rate (the tests check it on many random pairs);
        // the clamp only guards against rounding, and the interval is widened by the same amount if ever needed.
        var shown = Math.Clamp(e.Posterior.Rate, Math.Min(expectedRate, rawRate), Math.Max(expectedRate, rawRate));
        var low = Math.Min(e.Posterior.RateLow, shown);
        var high = Math.Max(e.Posterior.RateHigh, shown);
        return new RepStageFinding(
            p.Rep,
            p.Stage,
            cls,
            p.Entries,
            p.Advanced,
            p.Expected,
            rawRate,
            expectedRate,
            p.Advanced / p.Expected,
            effect,
            effectError,
            (p.Advanced - p.Expected) / sd,
            effect - (z * effectError),
            effect + (z * effectError),
            p.Advanced - p.Expected - (z * sd),
            p.Advanced - p.Expected + (z * sd),
            e.Posterior,
            cls is FindingClass.Standout or FindingClass.NeedsCoaching,
            shown,
            low,
            high,
            e.Posterior.RateOnCompanyMix,
            ExplanationBuilder.Build(s, e.StageStatistics!, low, high, options.DealDifficultyMargin),
            cls == FindingClass.InsufficientData ? e.InsufficientReason : null);
    }

    internal static double Logit(double p) => Math.Log(p / (1 - p));

    internal static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private sealed class Pair(long rep, string stage, bool explain)
    {
        private readonly Dictionary<int, (int Count, double SumEta)> _groups = [];
        private PairLikelihood? _likelihood;

        public long Rep { get; } = rep;

        public string Stage { get; } = stage;

        public int Entries { get; private set; }

        public int Advanced { get; private set; }

        /// <summary>Σp.</summary>
        public double Expected { get; private set; }

        /// <summary>Σp(1−p).</summary>
        public double Variance { get; private set; }

        /// <summary>Sums for the explanation (null when not explaining).</summary>
        public PairStatistics? Statistics { get; } = explain ? new PairStatistics() : null;

        public void Add(StageOutcomeObservation o, double p, bool advanced)
        {
            Entries++;
            Advanced += advanced ? 1 : 0;
            Expected += p;
            Variance += p * (1 - p);
            var eta = Logit(p);
            var key = (int)Math.Round(eta * EtaResolution);
            var (count, sum) = _groups.GetValueOrDefault(key);
            _groups[key] = (count + 1, sum + eta);
            Statistics?.Add(o, p);
        }

        public PairLikelihood Likelihood() =>
            _likelihood ??= new PairLikelihood(_groups.Values.Select(g => (g.SumEta / g.Count, g.Count)), Entries, Advanced);
    }

    private sealed record Evaluated(Pair Pair, EffectPosterior Posterior, string? InsufficientReason, PairStatistics? StageStatistics);

    private sealed record Run(
        List<Evaluated> Pairs,
        List<StagePrior> Stages,
        HashSet<Pair> Standouts,
        HashSet<Pair> Coaching,
        double StandoutFdr,
        double CoachingFdr,
        double PromisingPosterior)
    {
        public FindingClass ClassOf(Evaluated e) =>
            e.InsufficientReason is not null ? FindingClass.InsufficientData
            : Standouts.Contains(e.Pair) ? FindingClass.Standout
            : Coaching.Contains(e.Pair) ? FindingClass.NeedsCoaching
            : e.Posterior.ProbabilityPositive >= PromisingPosterior ? FindingClass.Promising
            : FindingClass.Typical;
    }
}
