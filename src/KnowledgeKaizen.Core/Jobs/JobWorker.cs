using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Runs queued jobs one at a time in this process (single-instance mode; on PostgreSQL the Quartz cluster runs them and
/// this worker stays idle). The machine has two cores; parallel imports and trainings would only fight each other. On
/// start, jobs a crash left running are marked failed and queued ones resume.
/// </summary>
internal sealed class JobWorker(IServiceScopeFactory scopes, JobSignal signal, JobExecution execution, JobsMode mode, TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mode.Clustered)
        {
            // A job row left running may be running on another live instance: only the cluster can tell (JobSweep).
            return;
        }

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
        var interrupted = await db.BackgroundJobs.Where(j => j.Status == JobStatus.Running).ToListAsync(ct);
        foreach (var job in interrupted)
        {
            job.Fail(JobMessages.InterruptedByRestart, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        var queued = await db.BackgroundJobs.Where(j => j.Status == JobStatus.Queued)
            .OrderBy(j => j.QueuedAt).Select(j => j.Id).ToListAsync(ct);
        queued.ForEach(signal.Wake);
    }
}
