using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Testing;
using KnowledgeKaizen.Testing.Simulation;

namespace KnowledgeKaizen.Insights.Tests.ExpectedOutcome;

public sealed class ModelStoreTests : IDisposable
{
    private static readonly Lazy<(SimulatedHistory History, ExpectedOutcomeModel Good, ExpectedOutcomeModel Featureless)> Models = new(() =>
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(4_000, 30, 12));
        var good = new ExpectedOutcomeTrainer(TestData.FastModel).Train(history.Rows).Value!.Model;
        var featureless = new ExpectedOutcomeTrainer(TestData.FastModel with { MinAucGainOverBaseRate = 1 }).Train(history.Rows).Value!.Model;
        return (history, good, featureless);
    });

    private readonly TempFolder _folder = new("models");

    [Fact]
    public void FirstModel_IsPromoted_AndReloadsWithTheSamePredictions()
    {
        var store = new ModelStore(_folder.Path);
        var (history, good, _) = Models.Value;

        var promotion = store.SaveAndPromote(good, 0.01);

        Assert.True(promotion.Promoted);
        Assert.Equal(1, store.CurrentVersion);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "v1", "model.zip")));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "v1", "report.json")));
        var sample = history.Rows.Take(200).ToList();
        var reloaded = new ModelStore(_folder.Path).LoadCurrent()!;
        Assert.Equal(1, reloaded.Report.Version);
        Assert.Equal(good.Predict(sample), reloaded.Predict(sample), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void WorseModel_DoesNotReplaceTheCurrentOne()
    {
        var store = new ModelStore(_folder.Path);
        var (_, good, featureless) = Models.Value;
        store.SaveAndPromote(good, 0.01);

        var promotion = store.SaveAndPromote(featureless, 0.01);

        Assert.False(promotion.Promoted);
        Assert.Contains("rejected", promotion.Reason);
        Assert.Equal(1, store.CurrentVersion);
        Assert.Equal(good.Report.Trainer, store.LoadCurrent()!.Report.Trainer);
        Assert.Single(store.History());
    }

    [Fact]
    public async Task CurrentModel_KeepsServingWhileANewOneIsSaved()
    {
        var store = new ModelStore(_folder.Path);
        var (history, good, _) = Models.Value;
        store.SaveAndPromote(good, 0.01);
        var sample = history.Rows.Take(50).ToList();

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var model = store.LoadCurrent();
                if (model is null || model.Predict(sample).Length != sample.Count)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(new ModelStore(_folder.Path).SaveAndPromote(good, 0.01).Promoted);
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(reads > 0);
        Assert.Equal(4, store.CurrentVersion);
        Assert.Empty(Directory.GetDirectories(_folder.Path, ".staging-*"));
    }

    [Fact]
    public void CorruptCurrentModel_LoadsAsNone_SoTheCallerRetrains()
    {
        new ModelStore(_folder.Path).SaveAndPromote(Models.Value.Good, 0.01);
        File.WriteAllText(Path.Combine(_folder.Path, "v1", "calibration.json"), "{ not json");

        Assert.Null(new ModelStore(_folder.Path).LoadCurrent());
    }

    public void Dispose() => _folder.Dispose();
}
