using System.Diagnostics;
using System.Globalization;
using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.PerformerDetection;
using KnowledgeKaizen.Testing.Simulation;

namespace KnowledgeKaizen.Benchmarks.Insights;

/// <summary>
/// Rep-performance engine on a million simulated stage entries with planted standouts (who work harder deals):
/// model + rep-grouped out-of-fold scoring + empirical-Bayes shrinkage, against raw-rate ranking and plain z-scores.
/// Options: [rows] [reps] [seed] [trainer threads | auto].
/// </summary>
public sealed class PerformerDetectionBenchmark : IBenchmark
{
    public string Name => "insights";

    public string Description => "rep-stage standouts: model + shrinkage vs raw-rate ranking and z-scores (1M rows)";

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

        var generation = Stopwatch.StartNew();
        var history = StageHistorySimulator.Generate(new SimulationSettings(rows, reps, seed));
        generation.Stop();
        var afterGeneration = Report.PeakWorkingSetMb();

        var clock = Stopwatch.StartNew();
        var outcome = new PerformerDetectionEngine(modelOptions, new EvidenceOptions()).Run(history.Rows);
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
        var planted = history.TrueEffects.Count(kv => kv.Value > 0);

        Console.WriteLine(FormattableString.Invariant(
            $"{rows:N0} rows, {reps} reps, {findings.Count} rep-stage pairs, {planted} planted standouts; generation {generation.Elapsed.TotalSeconds:0.0} s (not timed)"));
        Console.WriteLine(FormattableString.Invariant(
            $"choices: {modelOptions.FoldCount} rep-grouped folds, {modelOptions.NumberOfTrees} trees x {modelOptions.NumberOfLeaves} leaves, training subsampled to {modelOptions.MaxTrainingRows:N0} rows per fold, LightGbm and FastTree compared on ~{modelOptions.ComparisonMaxRows:N0} rows of whole reps, winner cross-validated on all rows, trainer threads {(threads?.ToString(CultureInfo.InvariantCulture) ?? "auto")}"));

        Report.Table("Expected-outcome model (out of fold)", ["trainer", "rows", "AUC", "log loss", "training time"],
            report.Candidates.Select(c => (IReadOnlyList<string>)[c.Trainer, c.Rows.ToString("N0", CultureInfo.InvariantCulture), F(c.Auc, "0.0000"), F(c.LogLoss, "0.0000"), F(c.TrainingTime.TotalSeconds, "0.0") + " s"]));
        Console.WriteLine(FormattableString.Invariant($"chosen: {report.Trainer}, calibrated AUC {report.Auc:0.0000}, log loss {report.LogLoss:0.0000}"));

        var standouts = findings.Where(f => f.Class == FindingClass.Standout).ToList();
        var byRawRate = findings.OrderByDescending(f => f.RawRate).Take(Math.Max(standouts.Count, 1)).ToList();
        var stageRate = result.Analysis.Stages.ToDictionary(s => s.Stage, s => s.BaseRate);
        var rawZ = findings.Where(f => RawZ(f, stageRate[f.Stage]) > 1.96).ToList();
        var modelZ = findings.Where(f => f.Entries >= 20 && f.ZScore > 1.96).ToList();
        var modelZ3 = findings.Where(f => f.Entries >= 20 && f.ZScore > 3).ToList();

        Report.Table("Standout detection (planted truth)", ["method", "flagged", "precision", "recall"],
        [
            Row("EB shrinkage, P>0.8, FDR 0.1 (candidate)", standouts, history, planted),
            Row("raw-rate ranking, same count (baseline)", byRawRate, history, planted),
            Row("z vs stage rate > 1.96, no model", rawZ, history, planted),
            Row("z vs model expectation > 1.96", modelZ, history, planted),
            Row("z vs model expectation > 3", modelZ3, history, planted),
        ]);

        var coaching = findings.Where(f => f.Class == FindingClass.NeedsCoaching).ToList();
        var coachingTrue = coaching.Count(f => history.TrueEffects[(f.RepId, f.Stage)] < 0);
        Console.WriteLine(FormattableString.Invariant(
            $"needs coaching: {coaching.Count} flagged, precision {Ratio(coachingTrue, coaching.Count)}, recall {Ratio(coachingTrue, history.TrueEffects.Count(kv => kv.Value < 0))}"));

        Report.Table("Cost", ["measure", "value", "budget"],
        [
            ["train + out-of-fold score + shrinkage", F(clock.Elapsed.TotalSeconds, "0.0") + " s", "60 s"],
            ["peak working set (whole process)", F(peak, "0") + " MB", "1024 MB"],
            ["peak after generating the rows", F(afterGeneration, "0") + " MB", ""],
        ]);
        return Task.CompletedTask;
    }

    private static double RawZ(RepStageFinding f, double b) => (f.Advanced - (f.Entries * b)) / Math.Sqrt(f.Entries * b * (1 - b));

    private static IReadOnlyList<string> Row(string name, IReadOnlyList<RepStageFinding> flagged, SimulatedHistory history, int planted)
    {
        var hits = flagged.Count(f => history.TrueEffects[(f.RepId, f.Stage)] > 0);
        return [name, flagged.Count.ToString(CultureInfo.InvariantCulture), Ratio(hits, flagged.Count), Ratio(hits, planted)];
    }

    private static string Ratio(int hits, int total) => total == 0 ? "n/a" : F((double)hits / total, "0.000");

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
