using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Core.Tests.Jobs;

public sealed class JobWorkerTests : IAsyncLifetime
{
    // A file, not :memory:, because the worker and the test read from different threads and connections.
    private readonly TempFolder folder = new("jobs");
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDbContext<KnowledgeKaizenDbContext>(o => o.UseSqlite($"DataSource={folder.File("jobs.db")}"));
        collection.AddSingleton(TimeProvider.System);
        collection.AddJobs();
        collection.AddJobHandler<EchoHandler>();
        collection.AddJobHandler<ExplodingHandler>();
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task QueuedJob_RunsItsHandler_AndStoresTheResult()
    {
        var job = await RunAsync("echo", "hello");
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal("hello!", job.Result);
    }

    [Fact]
    public async Task ThrowingHandler_LeavesTheJobFailed_WithTheReason()
    {
        var job = await RunAsync("explode", null);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("boom", job.Message);
    }

    [Fact]
    public async Task UnknownKind_FailsClearly()
    {
        var job = await RunAsync("nobody-handles-this", null);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("nobody-handles-this", job.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobLeftRunningByACrash_IsMarkedFailedOnStart()
    {
        Guid id;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            var crashed = new BackgroundJob("echo", "x", null, DateTimeOffset.UtcNow);
            crashed.Start(DateTimeOffset.UtcNow);
            db.BackgroundJobs.Add(crashed);
            await db.SaveChangesAsync();
            id = crashed.Id;
        }

        var worker = services.GetServices<IHostedService>().OfType<JobWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        var job = await WaitForFinishAsync(id);
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("restart", job.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        folder.Dispose();
    }

    private async Task<BackgroundJob> RunAsync(string kind, string? payload)
    {
        var worker = services.GetServices<IHostedService>().OfType<JobWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        Guid id;
        using (var scope = services.CreateScope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<IJobQueue>().EnqueueAsync(kind, payload, "tester");
            id = job.Id;
        }

        var finished = await WaitForFinishAsync(id);
        await worker.StopAsync(CancellationToken.None);
        return finished;
    }

    private Task<BackgroundJob> WaitForFinishAsync(Guid id) =>
        Eventually.ThatAsync($"job {id} to finish",
            async () =>
            {
                using var scope = services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id);
            },
            job => job.IsFinished,
            describe: job => $"{job.Status} at {job.Progress:P0} ({job.Message})");

    private sealed class EchoHandler : IJobHandler
    {
        public string Kind => "echo";

        public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
        {
            await progress.ReportAsync(0.5, "halfway", cancellationToken);
            return job.Payload + "!";
        }
    }

    private sealed class ExplodingHandler : IJobHandler
    {
        public string Kind => "explode";

        public Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
