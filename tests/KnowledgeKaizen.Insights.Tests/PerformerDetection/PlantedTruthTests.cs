using System.Globalization;
using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Testing.Simulation;
using Xunit.Abstractions;

namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

public sealed class PlantedTruthTests(ITestOutputHelper output)
{
    [Fact]
    public void Standouts_AcrossSeeds_AreAtLeastNinetyPercentReal()
    {
        int truePositives = 0, flagged = 0, planted = 0;
        foreach (var seed in new[] { 11, 23, 37, 53, 89 })
        {
            var history = StageHistorySimulator.Generate(new SimulationSettings(30_000, 100, seed));
            var findings = TestData.Run(history).Analysis.Findings;
            var standouts = findings.Where(f => f.Class == FindingClass.Standout).ToList();
            var tp = standouts.Count(f => history.TrueEffects[(f.RepId, f.Stage)] > 0);
            var real = history.TrueEffects.Count(kv => kv.Value > 0);
            output.WriteLine($"seed {seed}: {standouts.Count} standouts, {tp} real, {real} planted");
            truePositives += tp;
            flagged += standouts.Count;
            planted += real;
        }

        var precision = (double)truePositives / flagged;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000}, recall {(double)truePositives / planted:0.000}"));
        Assert.True(flagged >= 10, $"only {flagged} standouts flagged over five seeds");
        Assert.True(precision >= 0.9, $"precision {precision:0.000}");
    }

    [Fact]
    public void RepsThatDoNotDiffer_YieldAtMostOneFalseStandoutPerFiveHundredPairs()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(40_000, 150, 5) { StandoutShare = 0, CoachingShare = 0 });
        var findings = TestData.Run(history).Analysis.Findings;
        var eligible = findings.Count(f => f.Class != FindingClass.InsufficientData);
        var standouts = findings.Count(f => f.Class == FindingClass.Standout);
        output.WriteLine($"{standouts} false standouts among {eligible} eligible of {findings.Count} pairs");
        Assert.True(findings.Count >= 500, $"{findings.Count} pairs");
        Assert.True(standouts <= findings.Count / 500, $"{standouts} false standouts");
    }

    [Fact]
    public void ShrunkRates_PredictTheNextPeriodBetterThanRawRates()
    {
        var settings = new SimulationSettings(30_000, 100, 71);
        var findings = TestData.Run(StageHistorySimulator.Generate(settings)).Analysis.Findings;
        var later = StageHistorySimulator.Generate(settings with { Period = 1 }).Rows
            .GroupBy(r => (r.RepId, r.Stage))
            .ToDictionary(g => g.Key, g => (N: g.Count(), Rate: g.Average(r => r.Advanced ? 1.0 : 0.0)));
        double shrunkError = 0, rawError = 0;
        foreach (var f in findings.Where(f => later.ContainsKey((f.RepId, f.Stage))))
        {
            var (n, rate) = later[(f.RepId, f.Stage)];
            shrunkError += n * Math.Pow(f.ShrunkRate - rate, 2);
            rawError += n * Math.Pow(f.RawRate - rate, 2);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"squared-error ratio shrunk/raw = {shrunkError / rawError:0.000}"));
        Assert.True(shrunkError / rawError < 1, $"ratio {shrunkError / rawError}");
    }
}
