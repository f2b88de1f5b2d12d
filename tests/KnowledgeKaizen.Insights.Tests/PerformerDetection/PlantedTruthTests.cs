namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

/// <summary>The whole engine — model, rep-grouped folds, the refit without effects, the statistics — against planted truth.</summary>
public sealed class PlantedTruthTests(ITestOutputHelper output)
{
    [Fact]
    public void EachClass_AcrossSeeds_IsAtLeastNinetyPercentReal_AndIntervalsCoverTheTrueRate()
    {
        int standouts = 0, falseStandouts = 0, coaching = 0, falseCoaching = 0, pairs = 0, covered = 0;
        foreach (var seed in new[] { 11, 23, 37 })
        {
            var history = StageHistorySimulator.Generate(Settings(seed));
            var findings = TestData.Run(history).Analysis.Findings;
            var truth = history.TrueRates();
            standouts += findings.Count(f => f.Class == FindingClass.Standout);
            falseStandouts += findings.Count(f => f.Class == FindingClass.Standout && history.TrueEffects[(f.RepId, f.Stage)] <= 0);
            coaching += findings.Count(f => f.Class == FindingClass.NeedsCoaching);
            falseCoaching += findings.Count(f => f.Class == FindingClass.NeedsCoaching && history.TrueEffects[(f.RepId, f.Stage)] >= 0);
            foreach (var f in findings.Where(f => f.Class != FindingClass.InsufficientData))
            {
                pairs++;
                covered += truth[(f.RepId, f.Stage)] >= f.ShrunkRateLow && truth[(f.RepId, f.Stage)] <= f.ShrunkRateHigh ? 1 : 0;
            }
        }

        var coverage = (double)covered / pairs;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"standouts {standouts} ({falseStandouts} false), needs coaching {coaching} ({falseCoaching} false); 95% interval covers the true rate of {coverage:0.000} of {pairs} pairs"));
        Assert.True(standouts >= 10 && coaching >= 10, $"{standouts} standouts, {coaching} needs coaching over three seeds");
        Assert.True(falseStandouts <= 0.1 * standouts, $"{falseStandouts} of {standouts} standouts are false");
        Assert.True(falseCoaching <= 0.1 * coaching, $"{falseCoaching} of {coaching} needs-coaching flags are false");
        Assert.InRange(coverage, 0.90, 0.98);
    }

    [Fact]
    public void RepsThatDoNotDiffer_YieldAtMostOneFalseFlagPerFiveHundredPairsPerClass()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(40_000, 150, 5) { StandoutShare = 0, CoachingShare = 0, MixStrength = 3 });
        var findings = TestData.Run(history).Analysis.Findings;
        var eligible = findings.Count(f => f.Class != FindingClass.InsufficientData);
        var standouts = findings.Count(f => f.Class == FindingClass.Standout);
        var coaching = findings.Count(f => f.Class == FindingClass.NeedsCoaching);
        var promising = findings.Count(f => f.Class == FindingClass.Promising);
        output.WriteLine($"{standouts} false standouts, {coaching} false needs coaching, {promising} promising among {eligible} eligible of {findings.Count} pairs");
        Assert.True(findings.Count >= 500, $"{findings.Count} pairs");
        Assert.True(standouts <= findings.Count / 500, $"{standouts} false standouts");
        Assert.True(coaching <= findings.Count / 500, $"{coaching} false needs-coaching flags");
        Assert.True(promising <= 0.02 * eligible, $"{promising} promising");
    }

    /// <summary>Territories that differ clearly, standouts in hard deals, laggards in easy ones.</summary>
    internal static SimulationSettings Settings(int seed) => new(30_000, 100, seed) { MixStrength = 2, LaggardsGetEasierDeals = true };

    [Fact]
    public void ShrunkRates_PredictTheNextPeriodBetterThanRawRates()
    {
        var settings = new SimulationSettings(30_000, 100, 71);
        var result = TestData.Run(StageHistorySimulator.Generate(settings));
        var findings = result.Analysis.Findings;
        var laterRows = StageHistorySimulator.Generate(settings with { Period = 1 }).Rows;

        // The serving model (fitted once, after the refit) scores entries it never saw.
        var auc = ClassificationMetrics.Auc(result.Training.Model.Predict(laterRows), [.. laterRows.Select(r => r.Advanced)]);
        Assert.True(auc > 0.65, $"AUC {auc} of the serving model on the next period");

        var later = laterRows
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
