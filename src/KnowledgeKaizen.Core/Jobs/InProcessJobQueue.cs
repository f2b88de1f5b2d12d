namespace KnowledgeKaizen.Core.Jobs;

/// <summary><see cref="IJobQueue"/> for one instance: the row is saved, then the in-process <see cref="JobWorker"/> is woken.</summary>
internal sealed class InProcessJobQueue(KnowledgeKaizenDbContext db, JobSignal signal, TimeProvider clock) : IJobQueue
{
    public async Task<BackgroundJob> EnqueueAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default)
    {
        var job = new BackgroundJob(kind, payload, requestedBy, clock.GetUtcNow());
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake(job.Id);
        return job;
    }

    public async Task<BackgroundJob> EnqueueOnceAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default) =>
        await ActiveAsync(kind, ct) ?? await EnqueueAsync(kind, payload, requestedBy, ct);

    public Task<BackgroundJob?> FindAsync(Guid id, string kind, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Kind == kind, ct);

    public Task<BackgroundJob?> ActiveAsync(string kind, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .OrderBy(j => j.QueuedAt).FirstOrDefaultAsync(ct);

    public Task<BackgroundJob?> LatestAsync(string kind, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == kind).OrderByDescending(j => j.QueuedAt).FirstOrDefaultAsync(ct);
}
