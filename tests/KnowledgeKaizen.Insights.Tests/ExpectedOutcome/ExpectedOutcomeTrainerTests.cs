namespace KnowledgeKaizen.Insights.Tests.ExpectedOutcome;

public sealed class ExpectedOutcomeTrainerTests
{
    [Fact]
    public void Training_ComparesBothTrainers_AndKeepsTheBetterAuc()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(6_000, 40, 8));
        var options = TestData.FastModel with { Trainers = [ExpectedOutcomeTrainerKind.LightGbm, ExpectedOutcomeTrainerKind.FastTree], NumberOfTrees = 30 };
        var report = new ExpectedOutcomeTrainer(options).Train(history.Rows).Value!.Model.Report;

        var trees = report.Candidates.Where(c => c.Trainer is "LightGbm" or "FastTree").ToList();
        Assert.Equal(2, trees.Count);
        Assert.All(trees, c => Assert.True(c.Auc > 0.6 && c.TrainingTime > TimeSpan.Zero, $"{c.Trainer}: {c.Auc} {c.Error}"));
        Assert.Equal(trees.MaxBy(c => c.Auc)!.Trainer, report.Trainer);
        Assert.InRange(report.Calibration.Count, 5, 10);
        Assert.Equal(history.Rows.Count, report.Calibration.Sum(bin => bin.Count));
        Assert.All(report.Calibration, bin => Assert.InRange(bin.MeanPredicted - bin.ObservedRate, -0.08, 0.08));
    }

    [Fact]
    public void LargeHistory_ComparesTrainersOnASampleOfReps_ThenScoresEveryRowWithTheWinner()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(6_000, 40, 8));
        var options = TestData.FastModel with { Trainers = [ExpectedOutcomeTrainerKind.LightGbm, ExpectedOutcomeTrainerKind.FastTree], NumberOfTrees = 30, ComparisonMaxRows = 2_000 };
        var training = new ExpectedOutcomeTrainer(options).Train(history.Rows).Value!;

        var trees = training.Model.Report.Candidates.Where(c => c.Trainer != "StageBaseRate").ToList();
        Assert.Equal(3, trees.Count);
        Assert.All(trees.Take(2), c => Assert.InRange(c.Rows, 2_000, 3_000));
        Assert.Equal(history.Rows.Count, trees[2].Rows);
        Assert.Equal(trees[2].Trainer, training.Model.Report.Trainer);
        Assert.Equal(history.Rows.Count, training.OutOfFoldExpected.Count);
        Assert.All(training.OutOfFoldExpected, p => Assert.InRange(p, 0.0001, 0.9999));
    }
}
