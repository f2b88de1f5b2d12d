namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

/// <summary>
/// Standouts who all work hard deals make hard deals look easier to a model that sees their outcomes, even with the rep's
/// own rows held out: their peers in the same deals are then judged against too high an expectation. The leak is measured
/// against the same deals with no effect on any outcome (the simulator draws identical deals and luck for both).
/// </summary>
public sealed class LeakageTests(ITestOutputHelper output)
{
    [Fact]
    public void StandoutsClusteredInHardDeals_LeakLessIntoTheirDealsExpectation_AfterTheRefitWithoutEffects()
    {
        var settings = PlantedTruthTests.Settings(303);
        var history = StageHistorySimulator.Generate(settings);
        var clean = new ExpectedOutcomeTrainer(TestData.FastModel).Train(StageHistorySimulator.Generate(settings with { ApplyEffects = false }).Rows).Value!;
        var hardReps = history.TrueEffects.Where(kv => kv.Value > 0).Select(kv => kv.Key.Rep).ToHashSet();
        var hardRows = Enumerable.Range(0, history.Rows.Count).Where(i => hardReps.Contains(history.Rows[i].RepId)).ToList();

        double Leak(bool refit)
        {
            var result = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence with { RefitWithoutRepEffects = refit }).Run(history.Rows).Value!;
            return hardRows.Average(i => result.Training.OutOfFoldExpected[i] - clean.OutOfFoldExpected[i]);
        }

        var before = Leak(false);
        var after = Leak(true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"expected rate of hard-deal reps' {hardRows.Count} entries above the no-effect expectation: {100 * before:0.00} points before, {100 * after:0.00} after the refit"));
        Assert.True(before > 0.005, $"no leak to reduce: {before}");
        Assert.True(after < 0.8 * before, $"leak {after} after, {before} before");
    }
}
