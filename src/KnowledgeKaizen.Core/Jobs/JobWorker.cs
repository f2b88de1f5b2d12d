using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Runs queued jobs one at a time (the machine has two cores; parallel imports and trainings would only
/// fight each other). On start, jobs a crash left running are marked failed and queued ones resume.
/// </summary>
internal sealed class JobWorker(IServiceScopeFactory scopes, JobSignal signal, TimeProvider clock, ILogger<JobWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await KeepGoingAsync(() => RecoverAsync(stoppingToken), "Recovering interrupted jobs", stoppingToken);
        await foreach (var jobId in signal.Reader.ReadAllAsync(stoppingToken))
        {
            await KeepGoingAsync(() => RunAsync(jobId, stoppingToken), $"Job {jobId}", stoppingToken);
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
        // A job bound to another instance is that instance's to recover.
        var kinds = scope.ServiceProvider.GetServices<IJobHandler>().Select(h => h.Kind).ToHashSet(StringComparer.Ordinal);
        var interrupted = (await db.BackgroundJobs.Where(j => j.Status == JobStatus.Running).ToListAsync(ct))
            .Where(j => !InstanceJobs.IsBound(j.Kind) || kinds.Contains(j.Kind));
        foreach (var job in interrupted)
        {
            job.Fail("Interrupted by a restart; nothing it did was kept. Run it again.", clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        var queued = await db.BackgroundJobs.Where(j => j.Status == JobStatus.Queued)
            .OrderBy(j => j.QueuedAt).Select(j => j.Id).ToListAsync(ct);
        queued.ForEach(signal.Wake);
    }

    private async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var job = await db.BackgroundJobs.FindAsync([jobId], ct);
        if (job is null || job.Status != JobStatus.Queued)
        {
            return;
        }

        var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
        if (handler is null && InstanceJobs.IsBound(job.Kind))
        {
            return; // another instance's own work: it runs it
        }

        if (handler is null)
        {
            job.Fail($"No handler for job kind '{job.Kind}'.", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return;
        }

        job.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var progress = new PersistedProgress(scopes, job.Id, clock);
        try
        {
            var result = await handler.RunAsync(job, progress, ct);
            await FinishAsync(job.Id, j => j.Succeed(result, clock.GetUtcNow()), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FinishAsync(job.Id, j => j.Fail("Stopped because the application shut down.", clock.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {JobId} ({Kind}) failed", job.Id, job.Kind);
            await FinishAsync(job.Id, j => j.Fail(ex.Message, clock.GetUtcNow()), CancellationToken.None);
        }
    }

    private async Task FinishAsync(Guid jobId, Action<BackgroundJob> finish, CancellationToken ct)
    {
        // A fresh context: the handler's context may hold a failed transaction or tracked garbage.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var job = await db.BackgroundJobs.FindAsync([jobId], ct);
        if (job is not null)
        {
            finish(job);
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed class PersistedProgress(IServiceScopeFactory scopes, Guid jobId, TimeProvider clock) : IJobProgress
    {
        private DateTimeOffset lastWrite = DateTimeOffset.MinValue;

        public async Task ReportAsync(double fraction, string? message, CancellationToken cancellationToken = default)
        {
            // Throttled: a progress bar needs a few updates a second, not one per row.
            if (fraction < 1 && clock.GetUtcNow() - lastWrite < TimeSpan.FromMilliseconds(250))
            {
                return;
            }

            lastWrite = clock.GetUtcNow();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            await db.BackgroundJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Progress, Math.Clamp(fraction, 0, 1)).SetProperty(j => j.Message, message),
                cancellationToken);
        }
    }
}
