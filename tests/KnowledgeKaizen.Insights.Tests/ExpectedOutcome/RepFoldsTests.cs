namespace KnowledgeKaizen.Insights.Tests.ExpectedOutcome;

public sealed class RepFoldsTests
{
    [Fact]
    public void Assign_PutsEveryRepInExactlyOneFold_AndBalancesRows()
    {
        var rows = Enumerable.Range(0, 90).ToDictionary(i => (long)i, i => 10 + (i * 7 % 50));
        var folds = RepFolds.Assign(rows, 5, 1);

        Assert.Equal(rows.Keys.Order(), folds.Keys.Order());
        Assert.All(folds.Values, f => Assert.InRange(f, 0, 4));
        var load = folds.GroupBy(kv => kv.Value).Select(g => g.Sum(kv => rows[kv.Key])).ToArray();
        Assert.Equal(5, load.Length);
        Assert.True(load.Max() - load.Min() <= rows.Values.Max(), $"unbalanced folds: {string.Join(",", load)}");
    }

    [Fact]
    public void Training_HoldsOutEachRepsRowsFromItsOwnFold()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(3_000, 30, 4));
        var training = new ExpectedOutcomeTrainer(TestData.FastModel).Train(history.Rows).Value!;

        var reps = history.Rows.Select(r => r.RepId).Distinct().ToList();
        Assert.Equal(reps.Order(), training.FoldOfRep.Keys.Order());
        Assert.Equal(TestData.FastModel.FoldCount, training.FoldOfRep.Values.Distinct().Count());

        // A rep planted to advance everything must not raise its own expectation: its rows were scored by a model
        // trained only on other reps' folds, so its expected rate stays near the company's.
        var star = reps[0];
        var rigged = history.Rows.Select(r => r.RepId == star ? r with { Advanced = true } : r).ToList();
        var riggedTraining = new ExpectedOutcomeTrainer(TestData.FastModel).Train(rigged).Value!;
        var starRows = Enumerable.Range(0, rigged.Count).Where(i => rigged[i].RepId == star).ToList();
        var before = starRows.Average(i => training.OutOfFoldExpected[i]);
        var after = starRows.Average(i => riggedTraining.OutOfFoldExpected[i]);
        Assert.InRange(after - before, -0.05, 0.05);
    }
}
