using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Core.Hosting;

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

    private readonly TempFolder _data = new("models");

    private string Root => Path.Combine(_data.Path, "models", "expected-outcome");

    private ModelStore NewStore() => new(new DataFolderFileStore(new DataFolder(_data.Path)));

    [Fact]
    public async Task FirstModel_IsPromoted_AndReloadsWithTheSamePredictions()
    {
        var store = NewStore();
        var (history, good, _) = Models.Value;

        var promotion = await store.SaveAndPromoteAsync(good, 0.01);

        Assert.True(promotion.Promoted);
        Assert.Equal(1, await store.CurrentVersionAsync());
        Assert.True(File.Exists(Path.Combine(Root, "v1", "model.zip")));
        Assert.True(File.Exists(Path.Combine(Root, "v1", "report.json")));
        var sample = history.Rows.Take(200).ToList();
        var reloaded = (await NewStore().LoadCurrentAsync())!;
        Assert.Equal(1, reloaded.Report.Version);
        Assert.Equal(good.Predict(sample), reloaded.Predict(sample), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public async Task WorseModel_DoesNotReplaceTheCurrentOne()
    {
        var store = NewStore();
        var (_, good, featureless) = Models.Value;
        await store.SaveAndPromoteAsync(good, 0.01);

        Assert.Null(await NewStore().RejectionAsync(good.Report, 0.01));
        var asked = await store.RejectionAsync(featureless.Report, 0.01);
        var promotion = await store.SaveAndPromoteAsync(featureless, 0.01);

        // Asked before the costly checks, the store gives the rejection the promotion then meets.
        Assert.Equal(promotion.Reason, asked?.Reason);
        Assert.Null(await store.RejectionAsync(good.Report, 0.01));
        Assert.False(promotion.Promoted);
        Assert.Contains("rejected", promotion.Reason);
        Assert.Equal(1, await store.CurrentVersionAsync());
        Assert.Equal(good.Report.Trainer, (await store.LoadCurrentAsync())!.Report.Trainer);
        Assert.Single(await store.HistoryAsync());
    }

    [Fact]
    public async Task CurrentModel_KeepsServingWhileANewOneIsSaved()
    {
        var store = NewStore();
        var (history, good, _) = Models.Value;
        await store.SaveAndPromoteAsync(good, 0.01);
        var sample = history.Rows.Take(50).ToList();

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var model = await store.LoadCurrentAsync();
                if (model is null || model.Predict(sample).Length != sample.Count)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await NewStore().SaveAndPromoteAsync(good, 0.01)).Promoted);
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(reads > 0);
        Assert.Equal(4, await store.CurrentVersionAsync());
        Assert.Empty(Directory.GetFiles(Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CorruptCurrentModel_LoadsAsNone_SoTheCallerRetrains()
    {
        await NewStore().SaveAndPromoteAsync(Models.Value.Good, 0.01);
        File.WriteAllText(Path.Combine(Root, "v1", "calibration.json"), "{ not json");

        Assert.Null(await NewStore().LoadCurrentAsync());
    }

    [Fact]
    public async Task AModelAnotherStorePromoted_ServesHere_OnceTheCheckIntervalHasPassed_AndOwnPromotionsAtOnce()
    {
        var (_, good, featureless) = Models.Value;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var interval = TimeSpan.FromSeconds(30);
        var here = new ModelStore(new DataFolderFileStore(new DataFolder(_data.Path)), ModelStore.DefaultFolder, clock, interval);
        Assert.Null(await here.LoadCurrentAsync());

        await NewStore().SaveAndPromoteAsync(good, 1);

        Assert.Null(await here.LoadCurrentAsync());
        clock.Now += interval;
        Assert.Equal(1, (await here.LoadCurrentAsync())?.Report.Version);
        await here.SaveAndPromoteAsync(featureless, 1);
        Assert.Equal(2, (await here.LoadCurrentAsync())?.Report.Version);
    }

    public void Dispose() => _data.Dispose();
}
