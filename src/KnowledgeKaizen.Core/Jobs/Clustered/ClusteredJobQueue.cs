namespace KnowledgeKaizen.Core.Jobs.Clustered;

/// <summary>
/// <see cref="IJobQueue"/> on the Quartz cluster (PostgreSQL): the row is committed first, then its Quartz job is
/// scheduled. A crash (or a database blip) between the two leaves a queued row without its trigger, never a trigger
/// without its row; <see cref="JobSweep"/> schedules such rows, and scheduling twice is harmless (one Quartz job per row).
/// A job bound to this instance (<see cref="InstanceJobs"/>) goes to the in-process worker instead.
/// </summary>
internal sealed class ClusteredJobQueue(KnowledgeKaizenDbContext db, ClusteredJobs cluster, JobSignal signal, TimeProvider clock,
    ILogger<ClusteredJobQueue> logger) : JobRows(db)
{
    public override async Task<BackgroundJob> EnqueueAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default)
    {
        var job = new BackgroundJob(kind, payload, requestedBy, clock.GetUtcNow());
        Db.BackgroundJobs.Add(job);
        await Db.SaveChangesAsync(ct);
        await ScheduleAsync(job, ct);
        return job;
    }

    /// <summary>
    /// Two instances asking at once must not both find none and both queue one: a transaction-scoped advisory lock on the
    /// kind makes the check and the insert one step across the cluster (the second caller then finds the first's job).
    /// </summary>
    public override async Task<BackgroundJob> EnqueueOnceAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default)
    {
        BackgroundJob job;
        await using (var transaction = await Db.Database.BeginTransactionAsync(ct))
        {
            var lockKey = KindLock(kind);
            await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
            if (await ActiveAsync(kind, ct) is { } active)
            {
                return active;
            }

            job = new BackgroundJob(kind, payload, requestedBy, clock.GetUtcNow());
            Db.BackgroundJobs.Add(job);
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await ScheduleAsync(job, ct);
        return job;
    }

    private async Task ScheduleAsync(BackgroundJob job, CancellationToken ct)
    {
        if (InstanceJobs.IsBound(job.Kind))
        {
            // Work on this instance's own files: its in-process worker runs it, not whichever node the cluster picks.
            signal.Wake(job.Id);
            return;
        }

        try
        {
            await cluster.ScheduleAsync(job.Id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row is committed and says Queued; the sweep schedules it within a minute.
            logger.LogWarning(e, "Job {JobId} ({Kind}) is queued but could not be handed to the cluster now; the sweep will", job.Id, job.Kind);
        }
    }

    /// <summary>A stable 64-bit key per kind (FNV-1a of its name), in a space of its own: "kk-job-once:".</summary>
    internal static long KindLock(string kind)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("kk-job-once:" + kind))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
