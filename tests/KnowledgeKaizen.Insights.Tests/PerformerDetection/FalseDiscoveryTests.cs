namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

/// <summary>
/// The statistics alone, on many simulated data sets with known truth: reps with strongly different deal mixes, standouts
/// clustered in hard deals and laggards in easy ones, and an expectation that is off per pair like a model's (the ML model
/// is tested in <see cref="PlantedTruthTests"/>; here it would only cost time).
/// </summary>
public sealed class FalseDiscoveryTests(ITestOutputHelper output)
{
    private const double ExpectationError = 0.1;

    private static readonly int[] Seeds = [3, 14, 15, 92, 65, 35, 89, 79, 32, 38];

    [Fact]
    public void EachClass_AcrossSeeds_HasAtMostTenPercentFalseFlags()
    {
        int standouts = 0, falseStandouts = 0, coaching = 0, falseCoaching = 0, plantedUp = 0, plantedDown = 0;
        foreach (var seed in Seeds)
        {
            var history = StageHistorySimulator.Generate(Settings(seed));
            var findings = Analyze(history, seed);
            standouts += findings.Count(f => f.Class == FindingClass.Standout);
            falseStandouts += findings.Count(f => f.Class == FindingClass.Standout && history.TrueEffects[(f.RepId, f.Stage)] <= 0);
            coaching += findings.Count(f => f.Class == FindingClass.NeedsCoaching);
            falseCoaching += findings.Count(f => f.Class == FindingClass.NeedsCoaching && history.TrueEffects[(f.RepId, f.Stage)] >= 0);
            plantedUp += history.TrueEffects.Count(kv => kv.Value > 0);
            plantedDown += history.TrueEffects.Count(kv => kv.Value < 0);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"standouts {standouts} flagged, {falseStandouts} false, {plantedUp} planted; needs coaching {coaching} flagged, {falseCoaching} false, {plantedDown} planted"));
        Assert.True(standouts >= 40 && coaching >= 40, "too few flags for the rates to mean anything");
        Assert.True(falseStandouts <= 0.1 * standouts, $"{falseStandouts} of {standouts} standouts are false");
        Assert.True(falseCoaching <= 0.1 * coaching, $"{falseCoaching} of {coaching} needs-coaching flags are false");
    }

    [Fact]
    public void NoEffectData_GetsAtMostOneFlagPerFiveHundredPairsPerClass_AndFewPromising()
    {
        int pairs = 0, standouts = 0, coaching = 0, promising = 0;
        foreach (var seed in Seeds.Take(6))
        {
            var history = StageHistorySimulator.Generate(Settings(seed) with { StandoutShare = 0, CoachingShare = 0 });
            var findings = Analyze(history, seed);
            pairs += findings.Count(f => f.Class != FindingClass.InsufficientData);
            standouts += findings.Count(f => f.Class == FindingClass.Standout);
            coaching += findings.Count(f => f.Class == FindingClass.NeedsCoaching);
            promising += findings.Count(f => f.Class == FindingClass.Promising);
        }

        output.WriteLine($"{pairs} pairs with no effect: {standouts} standouts, {coaching} needs coaching, {promising} promising");
        Assert.True(pairs >= 2000, $"{pairs} pairs");
        Assert.True(standouts <= pairs / 500, $"{standouts} false standouts");
        Assert.True(coaching <= pairs / 500, $"{coaching} false needs-coaching flags");
        Assert.True(promising <= 0.02 * pairs, $"{promising} promising");
    }

    [Fact]
    public void ShownEstimate_IsPulledTowardsNoEffect_AndTypicalRepsSitOnTheirExpectation()
    {
        double typicalShift = 0, rawShift = 0;
        var typical = 0;
        foreach (var seed in Seeds.Take(3))
        {
            var history = StageHistorySimulator.Generate(Settings(seed));
            foreach (var f in Analyze(history, seed, error: 0).Where(f => f.Class != FindingClass.InsufficientData))
            {
                Assert.True(Math.Abs(f.ShrunkRate - f.ExpectedRate) <= Math.Abs(f.RawRate - f.ExpectedRate) + 1e-12);
                if (history.TrueEffects[(f.RepId, f.Stage)] == 0)
                {
                    typical++;
                    typicalShift += f.ShrunkRate - f.ExpectedRate;
                    rawShift += f.RawRate - f.ExpectedRate;
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{typical} pairs without effect: mean shown − expected {100 * typicalShift / typical:0.000} points (raw − expected {100 * rawShift / typical:0.000})"));
        // Shrinking towards the group means put typical reps about 0.2 points below their expectation; towards "no effect"
        // they keep at most the (luck-sized) drift of their raw rates.
        Assert.True(Math.Abs(typicalShift) <= Math.Abs(rawShift) + (0.0001 * typical), "shown estimates drift further than raw rates");
        Assert.InRange(typicalShift / typical, -0.001, 0.001);
    }

    internal static SimulationSettings Settings(int seed) =>
        new(30_000, 100, seed) { MixStrength = 3, LaggardsGetEasierDeals = true };

    private static IReadOnlyList<RepStageFinding> Analyze(SimulatedHistory history, int seed, double error = ExpectationError) =>
        new PerformerAnalyzer(TestData.Evidence).Analyze(history.Rows, TestData.ModelLikeExpectation(history, error, seed)).Value!.Findings;
}
