using System.Collections.Concurrent;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace KnowledgeKaizen.Web.Tests.Jobs;

/// <summary>
/// Two portal instances in this process on one PostgreSQL database, as two machines behind a load balancer would be: each
/// has its own data folder and its own Quartz node of the one cluster. The cluster's intervals are the test settings'
/// (seconds, not the production defaults), so a job queued on one instance is seen by the other within about a second.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster's settings for tests: an idle node looks for work every second, a silent one is dead after 3 s.</summary>
    public static readonly Dictionary<string, string?> FastCluster = new()
    {
        ["KnowledgeKaizen:Jobs:CheckinInterval"] = "00:00:01",
        ["KnowledgeKaizen:Jobs:CheckinMisfireThreshold"] = "00:00:02",
        ["KnowledgeKaizen:Jobs:IdleWaitTime"] = "00:00:01",
        ["KnowledgeKaizen:Jobs:SweepInterval"] = "00:00:02",
        ["Insights:RetrainAtStart"] = "false",
    };

    private TestPostgresDatabase? database;

    /// <summary>What the test jobs and the test check did, on whichever instance.</summary>
    public ClusterRecorder Recorder { get; } = new();

    public ClusterPortal A { get; private set; } = null!;

    public ClusterPortal B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestPostgres.CreateDatabaseAsync("cluster");
        A = new ClusterPortal(database, Recorder, "A");
        B = new ClusterPortal(database, Recorder, "B");
        _ = A.Services;
        _ = B.Services;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        database?.Dispose();
    }
}

/// <summary>One instance: the real app on the shared database, with the test's job handlers and periodic check.</summary>
public sealed class ClusterPortal(TestPostgresDatabase database, ClusterRecorder recorder, string name) : PortalFactory
{
    public string Name => name;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override TestPostgresDatabase Postgres => database;

    protected override IDictionary<string, string?> Settings => ClusterFixture.FastCluster;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(recorder);
            services.AddSingleton(new InstanceName(name));
            services.AddJobHandler<CountedJob>();
            services.AddJobHandler<GatedJob>();
            services.AddPeriodicTask(ClusterRecorder.Tick, _ => ClusterRecorder.TickEvery, runAtStart: true, (sp, _) =>
            {
                sp.GetRequiredService<ClusterRecorder>().Ticks.Enqueue(DateTimeOffset.UtcNow);
                return Task.CompletedTask;
            });
        });
    }

    public async Task<BackgroundJob> EnqueueAsync(Func<IJobQueue, Task<BackgroundJob>> enqueue)
    {
        using var scope = Services.CreateScope();
        return await enqueue(scope.ServiceProvider.GetRequiredService<IJobQueue>());
    }
}

public sealed record InstanceName(string Value);

/// <summary>Shared by both instances (they run in this process): the runs of each test job, the gate, the check's runs.</summary>
public sealed class ClusterRecorder
{
    public const string Tick = "test-tick";

    public static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    public ConcurrentDictionary<Guid, ConcurrentQueue<string>> Runs { get; } = new();

    public ConcurrentQueue<DateTimeOffset> Ticks { get; } = new();

    public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Records which instance ran it, after a moment's work.</summary>
public sealed class CountedJob(ClusterRecorder recorder, InstanceName instance) : IJobHandler
{
    public const string JobKind = "test-counted";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        recorder.Runs.GetOrAdd(job.Id, _ => new()).Enqueue(instance.Value);
        await Task.Delay(20, cancellationToken);
        return instance.Value;
    }
}

/// <summary>Runs until the test opens the gate, so a second request finds it still queued or running.</summary>
public sealed class GatedJob(ClusterRecorder recorder) : IJobHandler
{
    public const string JobKind = "test-gated";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        await recorder.Gate.Task.WaitAsync(cancellationToken);
        return null;
    }
}
