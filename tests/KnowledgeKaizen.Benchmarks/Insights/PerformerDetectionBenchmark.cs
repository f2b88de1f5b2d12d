using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.PerformerDetection;
using KnowledgeKaizen.Testing.Simulation;

namespace KnowledgeKaizen.Benchmarks.Insights;

/// <summary>
/// Rep-performance engine on a million simulated stage entries with planted standouts (in hard deals) and laggards (in
/// easy deals), territories that differ clearly, plus a history with no rep effects at all: model + rep-grouped out-of-fold
/// scoring + refit without rep effects + zero-centred empirical-Bayes posterior with per-class FDR control, side by side
/// with raw-rate ranking and z-score rules. Options: [rows] [reps] [seed] [trainer threads | auto].
/// </summary>
public sealed class PerformerDetectionBenchmark : IBenchmark
{
    public string Name => "insights";

    public string Description => "rep-stage findings: precision/recall per class, false flags on no-effect data, time split, vs raw-rate ranking (1M rows)";

    public Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_500;
        var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 42;
        var threads = args.Length <= 3 ? 1 : args[3] == "auto" ? (int?)null : int.Parse(args[3], CultureInfo.InvariantCulture);
        var modelOptions = new ExpectedOutcomeOptions
        {
            FoldCount = 3,
            NumberOfTrees = 100,
            NumberOfLeaves = 31,
            MaxTrainingRows = 150_000,
            TrainerThreads = threads,
        };
        var evidence = new EvidenceOptions();
        var settings = new SimulationSettings(rows, reps, seed) { MixStrength = 2, LaggardsGetEasierDeals = true };

        var generation = Stopwatch.StartNew();
        var history = StageHistorySimulator.Generate(settings);
        generation.Stop();
        var afterGeneration = Report.PeakWorkingSetMb();

        var clock = Stopwatch.StartNew();
        var outcome = new PerformerDetectionEngine(modelOptions, evidence).Run(history.Rows);
        clock.Stop();
        if (outcome.Value is null)
        {
            Console.WriteLine($"not enough data: {outcome.NotEnoughData!.Reason}");
            return Task.CompletedTask;
        }

        var result = outcome.Value;
        var report = result.Training.Model.Report;
        var peak = Report.PeakWorkingSetMb();
        var findings = result.Analysis.Findings;
        var validator = new FindingsValidator(modelOptions, evidence);
        var simulationClock = Stopwatch.StartNew();
        var simulated = validator.SimulateNoEffects(history.Rows, result.Training.OutOfFoldExpected, result.Analysis);
        simulationClock.Stop();
        var splitClock = Stopwatch.StartNew();
        var (timeSplit, splitReason) = validator.SplitInTime(history.Rows, report.Trainer);
        splitClock.Stop();

        // No rep effects at all, a third of the size: every flag is false.
        var quietSettings = settings with { Rows = Math.Max(rows / 3, 10_000), StandoutShare = 0, CoachingShare = 0 };
        var quietClock = Stopwatch.StartNew();
        var quiet = new PerformerDetectionEngine(modelOptions, evidence).Run(StageHistorySimulator.Generate(quietSettings).Rows).Value?.Analysis.Findings ?? [];
        quietClock.Stop();

        var plantedUp = history.TrueEffects.Count(kv => kv.Value > 0);
        var plantedDown = history.TrueEffects.Count(kv => kv.Value < 0);
        Console.WriteLine(FormattableString.Invariant(
            $"{rows:N0} rows, {reps} reps, {findings.Count} rep-stage pairs, {plantedUp} planted standouts, {plantedDown} planted laggards (territory strength {settings.MixStrength}); generation {generation.Elapsed.TotalSeconds:0.0} s (not timed)"));
        Console.WriteLine(FormattableString.Invariant(
            $"choices: {modelOptions.FoldCount} rep-grouped folds, {modelOptions.NumberOfTrees} trees x {modelOptions.NumberOfLeaves} leaves, training subsampled to {modelOptions.MaxTrainingRows:N0} rows per fold, LightGbm and FastTree compared on ~{modelOptions.ComparisonMaxRows:N0} rows of whole reps, winner cross-validated on all rows and refitted without rep effects, trainer threads {(threads?.ToString(CultureInfo.InvariantCulture) ?? "auto")}"));

        Report.Table("Expected-outcome model (out of fold)", ["trainer", "rows", "AUC", "log loss", "training time"],
            report.Candidates.Select(c => (IReadOnlyList<string>)[c.Trainer + (c.WithoutRepEffects ? " (refit without rep effects)" : ""), c.Rows.ToString("N0", CultureInfo.InvariantCulture), F(c.Auc, "0.0000"), F(c.LogLoss, "0.0000"), F(c.TrainingTime.TotalSeconds, "0.0") + " s"]));
        Console.WriteLine(FormattableString.Invariant($"chosen: {report.Trainer}, calibrated AUC {report.Auc:0.0000}, log loss {report.LogLoss:0.0000}; expectation error fitted (ω) {string.Join(", ", result.Analysis.Stages.Where(s => s.Prior is not null).Select(s => s.Prior!.ExpectationError).Distinct())}"));

        var stageRate = result.Analysis.Stages.ToDictionary(s => s.Stage, s => s.BaseRate);
        var quietStageRate = quiet.GroupBy(f => f.Stage).ToDictionary(g => g.Key, g => (double)g.Sum(f => f.Advanced) / g.Sum(f => f.Entries));
        var quietPairs = quiet.Count;
        var standouts = findings.Where(f => f.Class == FindingClass.Standout).ToList();
        var coaching = findings.Where(f => f.Class == FindingClass.NeedsCoaching).ToList();
        var k = (Up: Math.Max(standouts.Count, 1), Down: Math.Max(coaching.Count, 1));
        var quietK = (Up: (int)Math.Round((double)k.Up * quietPairs / findings.Count), Down: (int)Math.Round((double)k.Down * quietPairs / findings.Count));

        string Per500(int flags) => quietPairs == 0 ? "n/a" : F(500.0 * flags / quietPairs, "0.00");

        var product = (IReadOnlyList<string>)[
            "EB posterior, per-class FDR 0.1 (product)",
            .. Rates(standouts, coaching, history, plantedUp, plantedDown),
            Per500(quiet.Count(f => f.Class == FindingClass.Standout)),
            Per500(quiet.Count(f => f.Class == FindingClass.NeedsCoaching)),
            quietPairs == 0 ? "n/a" : F((double)quiet.Count(f => f.Class == FindingClass.Promising) / quiet.Count(f => f.Class != FindingClass.InsufficientData), "0.0%"),
            timeSplit is null ? "n/a" : F(timeSplit.ErrorRatio, "0.000"),
        ];
        var raw = (IReadOnlyList<string>)[
            "raw-rate ranking, same counts (baseline)",
            .. Rates(findings.OrderByDescending(f => f.RawRate).Take(k.Up).ToList(), findings.OrderBy(f => f.RawRate).Take(k.Down).ToList(), history, plantedUp, plantedDown),
            Per500(Math.Min(quietK.Up, quietPairs)),
            Per500(Math.Min(quietK.Down, quietPairs)),
            "n/a",
            "1.000",
        ];
        var rawZ = (IReadOnlyList<string>)[
            "z vs stage rate beyond ±1.96, no model",
            .. Rates(findings.Where(f => RawZ(f, stageRate[f.Stage]) > 1.96).ToList(), findings.Where(f => RawZ(f, stageRate[f.Stage]) < -1.96).ToList(), history, plantedUp, plantedDown),
            Per500(quiet.Count(f => RawZ(f, quietStageRate[f.Stage]) > 1.96)),
            Per500(quiet.Count(f => RawZ(f, quietStageRate[f.Stage]) < -1.96)),
            "n/a",
            "n/a",
        ];
        var modelZ = (IReadOnlyList<string>)[
            "z vs model expectation beyond ±3, n ≥ 20",
            .. Rates(findings.Where(f => f.Entries >= 20 && f.ZScore > 3).ToList(), findings.Where(f => f.Entries >= 20 && f.ZScore < -3).ToList(), history, plantedUp, plantedDown),
            Per500(quiet.Count(f => f.Entries >= 20 && f.ZScore > 3)),
            Per500(quiet.Count(f => f.Entries >= 20 && f.ZScore < -3)),
            "n/a",
            "n/a",
        ];
        Report.Table("Findings against planted truth; false flags on a history with no rep effects (every flag false)",
            ["method", "standouts", "precision", "recall", "needs coaching", "precision", "recall", "false standouts /500", "false coaching /500", "Promising share", "time-split error ratio"],
            [product, raw, rawZ, modelZ]);
        Console.WriteLine(FormattableString.Invariant(
            $"no-effect history: {quietSettings.Rows:N0} rows, {quietPairs} pairs; raw-rate ranking flags as many pairs as the product does on the planted history ({quietK.Up} + {quietK.Down}), all false there"));
        Console.WriteLine(FormattableString.Invariant(
            $"model's own check (simulated from the fitted expectation, {simulated.Replicates} data sets of {simulated.Pairs:0} pairs): {simulated.FalseStandoutsPer500:0.00} false standouts and {simulated.FalseCoachingPer500:0.00} false needs coaching per 500 pairs, Promising {simulated.FalsePromisingShare:0.0%}"));
        Console.WriteLine(timeSplit is null
            ? $"time split: none ({splitReason})"
            : FormattableString.Invariant($"time split at {timeSplit.SplitAt:yyyy-MM-dd}: {timeSplit.Pairs} pairs, {timeSplit.LaterEntries:N0} later entries; mean squared error against the later rate {timeSplit.EstimateError:0.00000} (shown estimate) vs {timeSplit.RawError:0.00000} (raw rate)"));

        var coverage = Coverage(findings, history.TrueRates());
        var typical = findings.Where(f => f.Class != FindingClass.InsufficientData && history.TrueEffects[(f.RepId, f.Stage)] == 0).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"95% interval of the shown estimate covers the true rate of {coverage:0.000} of eligible pairs; pairs without effect sit {100 * typical.Average(f => f.ShrunkRate - f.ExpectedRate):+0.000;-0.000} points from their expectation on average"));

        Report.Table("Cost", ["measure", "value", "budget"],
        [
            ["train + out-of-fold score + refit + posterior", F(clock.Elapsed.TotalSeconds, "0.0") + " s", "60 s (quiet machine)"],
            ["simulation without rep effects (model's own check)", F(simulationClock.Elapsed.TotalSeconds, "0.0") + " s", ""],
            ["time split (trains on the earlier half)", F(splitClock.Elapsed.TotalSeconds, "0.0") + " s", ""],
            ["no-effect history (a third of the rows), whole engine", F(quietClock.Elapsed.TotalSeconds, "0.0") + " s", ""],
            ["peak working set (whole process)", F(peak, "0") + " MB", "1024 MB"],
            ["peak after generating the rows", F(afterGeneration, "0") + " MB", ""],
        ]);
        return Task.CompletedTask;
    }

    private static double RawZ(RepStageFinding f, double b) => (f.Advanced - (f.Entries * b)) / Math.Sqrt(f.Entries * b * (1 - b));

    private static double Coverage(IReadOnlyList<RepStageFinding> findings, IReadOnlyDictionary<(long Rep, string Stage), double> truth)
    {
        var eligible = findings.Where(f => f.Class != FindingClass.InsufficientData).ToList();
        return eligible.Count(f => truth[(f.RepId, f.Stage)] >= f.ShrunkRateLow && truth[(f.RepId, f.Stage)] <= f.ShrunkRateHigh) / (double)eligible.Count;
    }

    /// <summary>Count, precision and recall of an up list and a down list against the planted effects.</summary>
    private static string[] Rates(IReadOnlyList<RepStageFinding> up, IReadOnlyList<RepStageFinding> down, SimulatedHistory history, int plantedUp, int plantedDown)
    {
        var upHits = up.Count(f => history.TrueEffects[(f.RepId, f.Stage)] > 0);
        var downHits = down.Count(f => history.TrueEffects[(f.RepId, f.Stage)] < 0);
        return
        [
            up.Count.ToString(CultureInfo.InvariantCulture), Ratio(upHits, up.Count), Ratio(upHits, plantedUp),
            down.Count.ToString(CultureInfo.InvariantCulture), Ratio(downHits, down.Count), Ratio(downHits, plantedDown),
        ];
    }

    private static string Ratio(int hits, int total) => total == 0 ? "n/a" : F((double)hits / total, "0.000");

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
