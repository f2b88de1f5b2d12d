namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>Queues a retraining unless one is already queued or running (one at a time; the worker is serial anyway).</summary>
public sealed class RetrainTrigger(KnowledgeKaizenDbContext db, IJobQueue jobs, IOptions<RetrainOptions> options, TimeProvider clock)
{
    /// <summary>The queued or running retraining, or a new one; null never.</summary>
    public Task<BackgroundJob> EnqueueAsync(string reason, string? requestedBy, CancellationToken ct = default) =>
        jobs.EnqueueOnceAsync(RetrainJobHandler.JobKind, reason, requestedBy, ct);

    public Task<BackgroundJob?> ActiveAsync(CancellationToken ct = default) => jobs.ActiveAsync(RetrainJobHandler.JobKind, ct);

    public Task<BackgroundJob?> LatestAsync(CancellationToken ct = default) => jobs.LatestAsync(RetrainJobHandler.JobKind, ct);

    public Task<BackgroundJob?> FindAsync(Guid id, CancellationToken ct = default) => jobs.FindAsync(id, RetrainJobHandler.JobKind, ct);

    /// <summary>
    /// Why a retraining is due now, or null: an import applied since the last retraining was queued, or the last one
    /// is older than <see cref="RetrainOptions.RetrainInterval"/>, or there never was one.
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
