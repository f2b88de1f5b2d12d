using KnowledgeKaizen.Insights.ExpectedOutcome;

namespace KnowledgeKaizen.Insights.Performance;

/// <summary>
/// How far the findings of one retraining can be trusted, computed with it and stored beside its model: what the same
/// rules flag on data with no rep effects at all, and whether the shown estimates predict a later period better than raw
/// rates do. Shown to managers before they act on a finding.
/// </summary>
/// <param name="Replicates">Data sets simulated from the fitted expectation with no rep effects.</param>
/// <param name="Pairs">Pairs with enough evidence, per simulated data set (mean).</param>
/// <param name="FalseStandouts">Standout flags per simulated data set (mean): every one of them is false.</param>
/// <param name="FalseCoaching">Needs-coaching flags per simulated data set (mean).</param>
/// <param name="FalsePromising">Promising labels per simulated data set (mean).</param>
/// <param name="TimeSplit">The time-split check, or null when the history is too short to split.</param>
/// <param name="TimeSplitMissingReason">Why there is no time-split check, when there is none.</param>
public sealed record FindingsValidation(
    int Replicates,
    double Pairs,
    double FalseStandouts,
    double FalseCoaching,
    double FalsePromising,
    TimeSplitCheck? TimeSplit,
    string? TimeSplitMissingReason)
{
    /// <summary>False Standout flags per 500 pairs with no effect.</summary>
    public double FalseStandoutsPer500 => Per500(FalseStandouts);

    /// <summary>False Needs-coaching flags per 500 pairs with no effect.</summary>
    public double FalseCoachingPer500 => Per500(FalseCoaching);

    /// <summary>Share of pairs with no effect labelled Promising.</summary>
    public double FalsePromisingShare => Pairs > 0 ? FalsePromising / Pairs : 0;

    private double Per500(double flags) => Pairs > 0 ? 500 * flags / Pairs : 0;
}

/// <summary>
/// Trained on the entries that entered a stage before <paramref name="SplitAt"/>, compared with each pair's rate after it.
/// </summary>
/// <param name="SplitAt">Median entry time: the earlier half trains, the later half judges.</param>
/// <param name="Pairs">Pairs with enough evidence in the earlier half and entries in the later one.</param>
/// <param name="LaterEntries">Later-half entries of those pairs.</param>
/// <param name="EstimateError">Mean squared difference between the shown estimate and the later rate, weighted by later entries.</param>
/// <param name="RawError">The same for the earlier raw rate.</param>
public sealed record TimeSplitCheck(DateTime SplitAt, int Pairs, int LaterEntries, double EstimateError, double RawError)
{
    /// <summary>Error of the shown estimate ÷ error of the raw rate: below 1, the estimate is the better guide.</summary>
    public double ErrorRatio => RawError > 0 ? EstimateError / RawError : double.NaN;
}

/// <summary>Computes a <see cref="FindingsValidation"/> for one engine result.</summary>
public sealed class FindingsValidator(ExpectedOutcomeOptions modelOptions, PerformanceOptions performanceOptions)
{
    /// <summary>Enough simulated pairs for "per 500 pairs" to mean something, without simulating small data sets forever.</summary>
    private const int SimulatedPairsWanted = 3000;

    private const int MinReplicates = 3;

    private const int MaxReplicates = 40;

    /// <summary>Both checks; the time split trains the chosen trainer again on the earlier half.</summary>
    public FindingsValidation Validate(IReadOnlyList<StageOutcomeObservation> history, RepPerformanceResult result, CancellationToken cancellationToken = default)
    {
        var nullSimulation = SimulateNoEffects(history, result.Training.OutOfFoldExpected, result.Analysis, cancellationToken);
        var (timeSplit, reason) = SplitInTime(history, result.Training.Model.Report.Trainer, cancellationToken);
        return nullSimulation with { TimeSplit = timeSplit, TimeSplitMissingReason = reason };
    }

    /// <summary>
    /// Draws every entry's outcome from its expectation (no rep effects at all), runs the same analysis and counts what
    /// it flags — the false flags to expect per class at the current thresholds on data like this.
    /// </summary>
    public FindingsValidation SimulateNoEffects(
        IReadOnlyList<StageOutcomeObservation> history, IReadOnlyList<double> expected, PerformanceAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var eligible = Math.Max(1, analysis.Findings.Count(f => f.Class != PerformanceClass.InsufficientData));
        var replicates = Math.Clamp((int)Math.Ceiling((double)SimulatedPairsWanted / eligible), MinReplicates, MaxReplicates);
        var analyzer = new PerformanceAnalyzer(performanceOptions);
        var random = new Random(modelOptions.Seed);
        var outcomes = new bool[history.Count];
        double pairs = 0, standouts = 0, coaching = 0, promising = 0;
        var done = 0;
        for (var r = 0; r < replicates; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < outcomes.Length; i++)
            {
                outcomes[i] = random.NextDouble() < expected[i];
            }

            var classes = analyzer.Classify(history, expected, outcomes);
            if (classes is null)
            {
                continue;
            }

            done++;
            pairs += classes.Count(c => c.Class != PerformanceClass.InsufficientData);
            standouts += classes.Count(c => c.Class == PerformanceClass.Standout);
            coaching += classes.Count(c => c.Class == PerformanceClass.NeedsCoaching);
            promising += classes.Count(c => c.Class == PerformanceClass.Promising);
        }

        var n = Math.Max(1, done);
        return new FindingsValidation(done, pairs / n, standouts / n, coaching / n, promising / n, null, null);
    }

    /// <summary>
    /// Trains and analyses the entries before the median entry time, then compares each pair's shown estimate and its
    /// raw rate with the rate it actually had afterwards.
    /// </summary>
    public (TimeSplitCheck? Check, string? Reason) SplitInTime(IReadOnlyList<StageOutcomeObservation> history, string trainer, CancellationToken cancellationToken = default)
    {
        var times = history.Select(o => o.EnteredAt).Order().ToArray();
        if (times.Length == 0 || times[0] == times[^1])
        {
            return (null, "every entry has the same entry date, so there is no earlier and later half");
        }

        var splitAt = times[times.Length / 2];
        if (splitAt == times[0])
        {
            splitAt = times.First(t => t > times[0]);
        }

        var earlier = history.Where(o => o.EnteredAt < splitAt).ToList();
        var later = history.Where(o => o.EnteredAt >= splitAt).ToList();
        var chosen = Enum.TryParse<ExpectedOutcomeTrainerKind>(trainer, out var kind) ? (IReadOnlyList<ExpectedOutcomeTrainerKind>)[kind] : [];
        var outcome = new RepPerformanceEngine(modelOptions with { Trainers = chosen }, performanceOptions).Run(earlier, servingModel: false, cancellationToken);
        if (outcome.Value is null)
        {
            return (null, $"the earlier half alone is not enough: {outcome.NotEnoughData!.Reason}");
        }

        var laterRates = later.GroupBy(o => (o.RepId, o.Stage)).ToDictionary(g => g.Key, g => (N: g.Count(), Rate: g.Average(o => o.Advanced ? 1.0 : 0.0)));
        double estimateError = 0, rawError = 0;
        int pairs = 0, entries = 0;
        foreach (var f in outcome.Value.Analysis.Findings.Where(f => f.Class != PerformanceClass.InsufficientData))
        {
            if (!laterRates.TryGetValue((f.RepId, f.Stage), out var after))
            {
                continue;
            }

            pairs++;
            entries += after.N;
            estimateError += after.N * Math.Pow(f.ShrunkRate - after.Rate, 2);
            rawError += after.N * Math.Pow(f.RawRate - after.Rate, 2);
        }

        return pairs == 0
            ? (null, "no pair with enough evidence in the earlier half has entries in the later half")
            : (new TimeSplitCheck(splitAt, pairs, entries, estimateError / entries, rawError / entries), null);
    }
}
