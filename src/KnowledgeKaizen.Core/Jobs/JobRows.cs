namespace KnowledgeKaizen.Core.Jobs;

/// <summary>The reading half of <see cref="IJobQueue"/>: the job rows are the record whoever runs the jobs.</summary>
internal abstract class JobRows(KnowledgeKaizenDbContext db) : IJobQueue
{
    protected KnowledgeKaizenDbContext Db => db;

    public abstract Task<BackgroundJob> EnqueueAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default);

    public abstract Task<BackgroundJob> EnqueueOnceAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default);

    public Task<BackgroundJob?> FindAsync(Guid id, string kind, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Kind == kind, ct);

    public Task<BackgroundJob?> ActiveAsync(string kind, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .OrderBy(j => j.QueuedAt).FirstOrDefaultAsync(ct);

    public Task<BackgroundJob?> LatestAsync(string kind, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == kind).OrderByDescending(j => j.QueuedAt).FirstOrDefaultAsync(ct);
}
