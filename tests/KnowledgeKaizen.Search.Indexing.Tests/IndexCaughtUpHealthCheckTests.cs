using KnowledgeKaizen.Core.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeKaizen.Search.Indexing.Tests;

/// <summary>An instance is ready for traffic only while its index has caught up with the outbox and is not being rebuilt.</summary>
public sealed class IndexCaughtUpHealthCheckTests : IDisposable
{
    private readonly IndexingTestDatabase database = new();

    [Fact]
    public async Task ChangesWaitingBriefly_AreReady_AndChangesWaitingLonger_AreNot()
    {
        await using var db = database.NewContext();
        var check = new IndexCaughtUpHealthCheck(database.Feed(db), new Rebuilds(null), Node, database.Clock);
        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status);

        await database.AppendAsync(3);
        database.Clock.Advance(IndexCaughtUpHealthCheck.MaxLag - TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status);

        database.Clock.Advance(TimeSpan.FromSeconds(2));
        var behind = await RunAsync(check);
        Assert.Equal(HealthStatus.Unhealthy, behind.Status);
        Assert.Contains("3 changes behind", behind.Description, StringComparison.Ordinal);

        await database.Feed(db).AdvanceToAsync(await database.Feed(db).HighWaterMarkAsync());
        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status);
    }

    [Fact]
    public async Task ARebuildQueuedOrRunning_IsNotReady()
    {
        await using var db = database.NewContext();
        var rebuild = new BackgroundJob(SearchIndexMaintenance.JobKindOf(Node.Value), null, null, database.Clock.GetUtcNow());
        var result = await RunAsync(new IndexCaughtUpHealthCheck(database.Feed(db), new Rebuilds(rebuild), Node, database.Clock));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("being rebuilt", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherInstancesRebuild_DoesNotMakeThisOneUnready()
    {
        await using var db = database.NewContext();
        var elsewhere = new BackgroundJob(SearchIndexMaintenance.JobKindOf(new SearchIndexingOptions { InstanceName = "other" }), null, null,
            database.Clock.GetUtcNow());

        Assert.Equal(HealthStatus.Healthy, (await RunAsync(new IndexCaughtUpHealthCheck(database.Feed(db), new Rebuilds(elsewhere), Node, database.Clock))).Status);
    }

    private static IOptions<SearchIndexingOptions> Node { get; } = Options.Create(new SearchIndexingOptions { InstanceName = "node" });

    public void Dispose() => database.Dispose();

    private static Task<HealthCheckResult> RunAsync(IHealthCheck check) => check.CheckHealthAsync(new HealthCheckContext());

    /// <summary>The job queue as the check sees it: whether a rebuild is queued or running.</summary>
    private sealed class Rebuilds(BackgroundJob? active) : IJobQueue
    {
        public Task<BackgroundJob?> ActiveAsync(string kind, CancellationToken ct = default) =>
            Task.FromResult(kind == active?.Kind ? active : null);

        public Task<BackgroundJob> EnqueueAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<BackgroundJob> EnqueueOnceAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<BackgroundJob?> FindAsync(Guid id, string kind, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<BackgroundJob?> LatestAsync(string kind, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
