using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Insights.PerformerDetection.Retraining;
using KnowledgeKaizen.Insights.Tests.Metrics;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Insights.Tests.PerformerDetection.Retraining;

/// <summary>
/// The start-up check queues a retraining when there are no findings yet, and when the findings name a model whose
/// files are gone (a lost models folder, or a database restored from a backup, which carries none); not otherwise.
/// </summary>
public sealed class InitialRetrainTests : IDisposable
{
    private readonly CrmDatabase crm = new();
    private readonly TempFolder data = new("initial-retrain");
    private readonly RecordingQueue queue = new();

    private ModelStore Models => new(new DataFolderFileStore(new DataFolder(data.Path)));

    [Fact]
    public async Task NoFindingsYet_QueuesTheFirstRetraining()
    {
        await RunAsync();

        Assert.Equal(["first start"], queue.Reasons);
    }

    [Fact]
    public async Task FindingsOfAModelWhoseFilesAreGone_QueueARetraining()
    {
        AddSnapshot(modelVersion: 3);

        await RunAsync();

        Assert.Equal(["the model files are missing"], queue.Reasons);
    }

    [Fact]
    public async Task FindingsWithoutAModel_OrWithTheirModelInPlace_QueueNothing()
    {
        crm.Db.FindingSnapshots.Add(FindingSnapshot.NotEnoughData(DateTimeOffset.UnixEpoch, 0, "{}", "an empty install"));
        await crm.Db.SaveChangesAsync();
        await RunAsync();
        Assert.Empty(queue.Reasons);

        var history = StageHistorySimulator.Generate(new SimulationSettings(4_000, 30, 12));
        var promotion = await Models.SaveAndPromoteAsync(new ExpectedOutcomeTrainer(TestData.FastModel).Train(history.Rows).Value!.Model, 0.01);
        AddSnapshot(promotion.Version!.Value);
        await RunAsync();
        Assert.Empty(queue.Reasons);
    }

    [Fact]
    public async Task RetrainAtStartOff_QueuesNothing_EvenWithoutFindingsOrWithTheirModelGone()
    {
        var off = new RetrainOptions { RetrainAtStart = false };
        await RunAsync(off);
        AddSnapshot(modelVersion: 3);
        await RunAsync(off);

        Assert.Empty(queue.Reasons);
    }

    private void AddSnapshot(int modelVersion)
    {
        crm.Db.FindingSnapshots.Add(FindingSnapshot.Ready(DateTimeOffset.UnixEpoch, modelVersion, 10, "{}", "[]", 0, 0, []));
        crm.Db.SaveChanges();
    }

    private Task RunAsync(RetrainOptions? options = null)
    {
        var settings = Options.Create(options ?? new RetrainOptions());
        return new InitialRetrain(crm.Db, new RetrainTrigger(crm.Db, queue, settings, TimeProvider.System), Models, settings).RunAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        crm.Dispose();
        data.Dispose();
    }

    /// <summary>Keeps what is queued (the reason is a retraining's payload).</summary>
    private sealed class RecordingQueue : IJobQueue
    {
        public List<string?> Reasons { get; } = [];

        public Task<BackgroundJob> EnqueueAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default)
        {
            Reasons.Add(payload);
            return Task.FromResult(new BackgroundJob(kind, payload, requestedBy, DateTimeOffset.UnixEpoch));
        }

        public Task<BackgroundJob> EnqueueOnceAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default) =>
            EnqueueAsync(kind, payload, requestedBy, ct);

        public Task<BackgroundJob?> FindAsync(Guid id, string kind, CancellationToken ct = default) => Task.FromResult<BackgroundJob?>(null);

        public Task<BackgroundJob?> ActiveAsync(string kind, CancellationToken ct = default) => Task.FromResult<BackgroundJob?>(null);

        public Task<BackgroundJob?> LatestAsync(string kind, CancellationToken ct = default) => Task.FromResult<BackgroundJob?>(null);
    }
}
