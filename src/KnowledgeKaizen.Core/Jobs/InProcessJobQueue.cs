namespace KnowledgeKaizen.Core.Jobs;

/// <summary><see cref="IJobQueue"/> for one instance: the row is saved, then the in-process <see cref="JobWorker"/> is woken.</summary>
internal sealed class InProcessJobQueue(KnowledgeKaizenDbContext db, JobSignal signal, TimeProvider clock) : JobRows(db)
{
    public override async Task<BackgroundJob> EnqueueAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default)
    {
        var job = new BackgroundJob(kind, payload, requestedBy, clock.GetUtcNow());
        Db.BackgroundJobs.Add(job);
        await Db.SaveChangesAsync(ct);
        signal.Wake(job.Id);
        return job;
    }

    public override async Task<BackgroundJob> EnqueueOnceAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default) =>
        await ActiveAsync(kind, ct) ?? await EnqueueAsync(kind, payload, requestedBy, ct);
}
