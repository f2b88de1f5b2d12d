namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Runs queued jobs one at a time in this process (the machine has two cores; parallel imports and trainings would only
/// fight each other). On start, jobs a crash left running are marked failed and queued ones resume. On PostgreSQL the
/// Quartz cluster runs the jobs, and this worker runs only the jobs bound to this instance (<see cref="InstanceJobs"/>):
/// a job row left running may be running on another live instance, which only the cluster can tell.
/// </summary>
internal sealed class JobWorker(IServiceScopeFactory scopes, JobSignal signal, JobExecution execution, JobsMode mode, TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await KeepGoingAsync(() => RecoverAsync(stoppingToken), "Recovering interrupted jobs", stoppingToken);
        await foreach (var jobId in signal.Reader.ReadAllAsync(stoppingToken))
        {
            await KeepGoingAsync(() => execution.RunAsync(jobId, rerun: false, handBackOnShutdown: false, stoppingToken), $"Job {jobId}", stoppingToken);
        }
    }

    /// <summary>
    /// A job whose record cannot even be written (a full disk, a read-only data folder) is logged and left for the next
    /// start's recovery; the worker itself, and with it the host, keeps running for the jobs after it.
    /// </summary>
    private async Task KeepGoingAsync(Func<Task> work, string what, CancellationToken stoppingToken)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "{What} failed outside its job; the worker carries on", what);
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();

        // A job bound to another instance is that instance's to recover; in cluster mode every other job is the cluster's.
        var kinds = scope.ServiceProvider.GetServices<IJobHandler>().Select(h => h.Kind).ToHashSet(StringComparer.Ordinal);
        bool Mine(BackgroundJob job) => InstanceJobs.IsBound(job.Kind) ? kinds.Contains(job.Kind) : !mode.Clustered;
        var interrupted = (await db.BackgroundJobs.Where(j => j.Status == JobStatus.Running).ToListAsync(ct)).Where(Mine);
        foreach (var job in interrupted)
        {
            job.Fail(JobMessages.InterruptedByRestart, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        var queued = (await db.BackgroundJobs.Where(j => j.Status == JobStatus.Queued).OrderBy(j => j.QueuedAt).ToListAsync(ct)).Where(Mine);
        foreach (var job in queued)
        {
            signal.Wake(job.Id);
        }
    }
}
