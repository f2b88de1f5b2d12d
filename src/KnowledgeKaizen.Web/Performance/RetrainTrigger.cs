using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Insights.PerformanceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Web.Performance;

/// <summary>Queues a retraining unless one is already queued or running (one at a time; the worker is serial anyway).</summary>
public sealed class RetrainTrigger(KnowledgeKaizenDbContext db, JobQueue queue, IOptions<PerformanceJobOptions> options, TimeProvider clock)
{
    /// <summary>The queued or running retraining, or a new one; null never.</summary>
    public async Task<BackgroundJob> EnqueueAsync(string reason, string? requestedBy, CancellationToken ct = default) =>
        await ActiveAsync(ct) ?? await queue.EnqueueAsync(db, PerformanceRetrainHandler.JobKind, reason, requestedBy, ct);

    public Task<BackgroundJob?> ActiveAsync(CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == PerformanceRetrainHandler.JobKind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .OrderBy(j => j.QueuedAt).FirstOrDefaultAsync(ct);

    public Task<BackgroundJob?> LatestAsync(CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == PerformanceRetrainHandler.JobKind).OrderByDescending(j => j.QueuedAt).FirstOrDefaultAsync(ct);

    public Task<BackgroundJob?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Kind == PerformanceRetrainHandler.JobKind, ct);

    /// <summary>
    /// Why a retraining is due now, or null: an import applied since the last retraining was queued, or the last one
    /// is older than <see cref="PerformanceJobOptions.RetrainInterval"/>, or there never was one.
    /// </summary>
    public async Task<string?> DueReasonAsync(CancellationToken ct = default)
    {
        if (await ActiveAsync(ct) is not null)
        {
            return null;
        }

        var last = await LatestAsync(ct);
        if (last is null)
        {
            return "first retraining";
        }

        if (await db.Imports.AnyAsync(i => i.Status == ImportStatus.Succeeded && i.FinishedAt > last.QueuedAt, ct))
        {
            return "after an import";
        }

        return clock.GetUtcNow() - last.QueuedAt >= options.Value.RetrainInterval ? "scheduled" : null;
    }
}

/// <summary>On start (after the demo data loaded, order 40): queue a first retraining when no snapshot exists yet.</summary>
internal sealed class InitialRetrain(KnowledgeKaizenDbContext db, RetrainTrigger trigger) : IStartupTask
{
    public int Order => 40;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.PerformanceSnapshots.AnyAsync(cancellationToken))
        {
            await trigger.EnqueueAsync("first start", null, cancellationToken);
        }
    }
}

/// <summary>Polls for finished imports and for the scheduled interval, and queues a retraining when one is due.</summary>
internal sealed class RetrainScheduler(IServiceScopeFactory scopes, IOptions<PerformanceJobOptions> options, ILogger<RetrainScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var trigger = scope.ServiceProvider.GetRequiredService<RetrainTrigger>();
                if (await trigger.DueReasonAsync(stoppingToken) is { } reason)
                {
                    logger.LogInformation("Queuing a performance retraining: {Reason}", reason);
                    await trigger.EnqueueAsync(reason, null, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The scheduler must outlive a locked database or a transient error; the next tick tries again.
                logger.LogWarning(e, "The performance retraining scheduler could not check for due work");
            }
        }
    }
}
