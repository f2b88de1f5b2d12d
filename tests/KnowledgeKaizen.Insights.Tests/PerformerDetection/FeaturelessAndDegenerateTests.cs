namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

public sealed class FeaturelessAndDegenerateTests
{
    [Fact]
    public void AllDealsAlike_FallsBackToStageBaseRates_AndShrinksRawRatesTowardsThem()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(12_000, 60, 3) { DealsDiffer = false });
        var result = TestData.Run(history);

        Assert.Equal("StageBaseRate", result.Training.Model.Report.Trainer);

        // One expectation per stage: its rate among the entries of reps believed to have no effect there, close to the plain rate.
        var stageRate = history.Rows.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Average(r => r.Advanced ? 1.0 : 0.0));
        foreach (var stage in Enumerable.Range(0, history.Rows.Count).GroupBy(i => history.Rows[i].Stage))
        {
            var expected = stage.Select(i => result.Training.OutOfFoldExpected[i]).Distinct().ToList();
            Assert.Single(expected);
            Assert.InRange(expected[0], stageRate[stage.Key] - 0.02, stageRate[stage.Key] + 0.02);
        }

        foreach (var stage in result.Analysis.Stages.Where(s => s.Prior is not null))
        {
            var eligible = result.Analysis.Findings.Where(f => f.Stage == stage.Stage && f.Class != FindingClass.InsufficientData).ToList();
            Assert.NotEmpty(eligible);
            Assert.All(eligible, f => Assert.InRange(f.ShrunkRate, Math.Min(f.ExpectedRate, f.RawRate), Math.Max(f.ExpectedRate, f.RawRate)));
            Assert.True(eligible.Sum(f => Math.Pow(f.ShrunkRate - f.ExpectedRate, 2)) < eligible.Sum(f => Math.Pow(f.RawRate - f.ExpectedRate, 2)));
        }
    }

    [Fact]
    public void NoRows_IsNotEnoughData()
    {
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run([]);
        Assert.False(outcome.Succeeded);
        Assert.Contains("no stage history", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void TooFewRows_IsNotEnoughData()
    {
        var rows = Enumerable.Range(0, 50).Select(i => TestData.Row(i % 5, "Qualify", i % 2 == 0)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.Contains("at least 200", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void OneOutcomeClass_IsNotEnoughData()
    {
        var rows = Enumerable.Range(0, 500).Select(i => TestData.Row(i % 5, "Qualify", true)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.Contains("one outcome class", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void OneRep_IsNotEnoughData()
    {
        var rows = Enumerable.Range(0, 500).Select(i => TestData.Row(1, i % 2 == 0 ? "Qualify" : "Propose", i % 3 == 0)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.Contains("only one rep", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void SingleStageWithTooFewEvidencedReps_IsNotEnoughData()
    {
        // 400 rows over 40 reps: ten entries each, below the minimum, so no stage can fit a prior.
        var rows = Enumerable.Range(0, 400).Select(i => TestData.Row(i % 40, "Qualify", i % 3 == 0, 1000 + i)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.False(outcome.Succeeded);
        Assert.Contains("no stage has", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void SmallPairs_AreInsufficientData_WithAReason()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(6_000, 60, 9));
        var findings = TestData.Run(history).Analysis.Findings;
        var small = findings.Where(f => f.Entries < TestData.Evidence.MinEntries).ToList();
        Assert.NotEmpty(small);
        Assert.All(small, f =>
        {
            Assert.Equal(FindingClass.InsufficientData, f.Class);
            Assert.False(string.IsNullOrEmpty(f.InsufficientReason));
        });
    }

    [Fact]
    public void MismatchedExpectations_AreAWiringError()
    {
        var rows = new[] { TestData.Row(1, "Qualify", true) };
        Assert.Throws<ArgumentException>(() => new PerformerAnalyzer(TestData.Evidence).Analyze(rows, []));
    }
}
