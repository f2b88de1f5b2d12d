namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Computes a <see cref="FindingsValidation"/> for one engine result.</summary>
public sealed class FindingsValidator(ExpectedOutcomeOptions modelOptions, EvidenceOptions performanceOptions)
{
    /// <summary>Enough simulated pairs for "per 500 pairs" to mean something, without simulating small data sets forever.</summary>
    private const int SimulatedPairsWanted = 3000;

    private const int MinReplicates = 3;

    private const int MaxReplicates = 40;

    /// <summary>Both checks; the time split trains the chosen trainer again on the earlier half.</summary>
    public FindingsValidation Validate(IReadOnlyList<StageOutcomeObservation> history, PerformerDetectionResult result, CancellationToken cancellationToken = default)
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
        IReadOnlyList<StageOutcomeObservation> history, IReadOnlyList<double> expected, PerformerAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var eligible = Math.Max(1, analysis.Findings.Count(f => f.Class != FindingClass.InsufficientData));
        var replicates = Math.Clamp((int)Math.Ceiling((double)SimulatedPairsWanted / eligible), MinReplicates, MaxReplicates);
        var analyzer = new PerformerAnalyzer(performanceOptions);
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
            pairs += classes.Count(c => c.Class != FindingClass.InsufficientData);
            standouts += classes.Count(c => c.Class == FindingClass.Standout);
            coaching += classes.Count(c => c.Class == FindingClass.NeedsCoaching);
            promising += classes.Count(c => c.Class == FindingClass.Promising);
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
            return (null, InsightMessages.SameEntryDate);
        }

        var splitAt = times[times.Length / 2];
        if (splitAt == times[0])
        {
            splitAt = times.First(t => t > times[0]);
        }

        var earlier = history.Where(o => o.EnteredAt < splitAt).ToList();
        var later = history.Where(o => o.EnteredAt >= splitAt).ToList();
        var chosen = Enum.TryParse<ExpectedOutcomeTrainerKind>(trainer, out var kind) ? (IReadOnlyList<ExpectedOutcomeTrainerKind>)[kind] : [];
        var outcome = new PerformerDetectionEngine(modelOptions with { Trainers = chosen }, performanceOptions).Run(earlier, servingModel: false, cancellationToken);
        if (outcome.Value is null)
        {
            return (null, InsightMessages.Format(InsightMessages.EarlierHalfNotEnough, outcome.NotEnoughData!.Reason));
        }

        var laterRates = later.GroupBy(o => (o.RepId, o.Stage)).ToDictionary(g => g.Key, g => (N: g.Count(), Rate: g.Average(o => o.Advanced ? 1.0 : 0.0)));
        double estimateError = 0, rawError = 0;
        int pairs = 0, entries = 0;
        foreach (var f in outcome.Value.Analysis.Findings.Where(f => f.Class != FindingClass.InsufficientData))
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
            ? (null, InsightMessages.NoLaterPairs)
            : (new TimeSplitCheck(splitAt, pairs, entries, estimateError / entries, rawError / entries), null);
    }
}
