namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

public sealed class FindingsValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Validation_SimulatesDataWithoutEffects_AndChecksTheEstimateOnTheLaterHalf()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(16_000, 60, 17));
        var result = TestData.Run(history);

        var validation = new FindingsValidator(TestData.FastModel, TestData.Evidence).Validate(history.Rows, result);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{validation.Replicates} replicates of {validation.Pairs:0} pairs: {validation.FalseStandoutsPer500:0.00} false standouts and {validation.FalseCoachingPer500:0.00} false needs coaching per 500 pairs, {validation.FalsePromisingShare:P1} promising; time split {validation.TimeSplit?.ErrorRatio:0.000} over {validation.TimeSplit?.Pairs} pairs"));
        Assert.InRange(validation.Replicates, 3, 40);
        Assert.True(validation.Pairs > 100);
        Assert.InRange(validation.FalseStandoutsPer500, 0, 1);
        Assert.InRange(validation.FalseCoachingPer500, 0, 1);
        Assert.InRange(validation.FalsePromisingShare, 0, 0.02);
        Assert.NotNull(validation.TimeSplit);
        Assert.True(validation.TimeSplit.Pairs > 80);
        Assert.InRange(validation.TimeSplit.ErrorRatio, 0, 1);
    }

    [Fact]
    public void TimeSplit_OfHistoryEnteredOnOneDay_SaysWhyThereIsNone()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(6_000, 40, 3) { DealsDiffer = false });

        var (check, reason) = new FindingsValidator(TestData.FastModel, TestData.Evidence).SplitInTime(history.Rows, "StageBaseRate");

        Assert.Null(check);
        Assert.Contains("same entry date", reason);
    }
}
