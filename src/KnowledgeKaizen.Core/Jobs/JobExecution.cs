namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Runs one <see cref="BackgroundJob"/> by its handler, with the progress and the finishing the UI reads, for whoever
/// runs jobs: the in-process <see cref="JobWorker"/> or a Quartz job of the cluster.
/// </summary>
internal sealed class JobExecution(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobExecution> logger)
{
    /// <summary>What <see cref="BackgroundJob.Message"/> says while a job runs again on another instance.</summary>
    public const string RerunMessage = "The instance running this job stopped; another instance runs it again from the start.";

    /// <summary>
    /// Runs the job when it is queued, or — <paramref name="rerun"/> — when it was running on an instance that died. With
    /// <paramref name="handBackOnShutdown"/> a shutdown leaves the job running and throws, so the cluster hands it to another
    /// instance; otherwise the job is failed with the reason.
    /// </summary>
    public async Task RunAsync(Guid jobId, bool rerun, bool handBackOnShutdown, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var job = await db.BackgroundJobs.FindAsync([jobId], ct);
        if (job is null || !(job.Status == JobStatus.Queued || (rerun && job.Status == JobStatus.Running)))
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

        if (job.Status == JobStatus.Running)
        {
            logger.LogWarning("Job {JobId} ({Kind}) was running on an instance that stopped; running it again", job.Id, job.Kind);
            job.Restart(clock.GetUtcNow(), RerunMessage);
        }
        else
        {
            job.Start(clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        var progress = new PersistedProgress(scopes, job.Id, clock);
        try
        {
            var result = await handler.RunAsync(job, progress, ct);
            await FinishAsync(job.Id, j => j.Succeed(result, clock.GetUtcNow()), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (handBackOnShutdown)
            {
                throw;
            }

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
