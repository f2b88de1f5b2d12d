namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Long work the portal queues (imports, rebuilds, retraining, clustering): the job's row is the record the UI shows,
/// whoever runs it. Today an in-process worker runs one job at a time; several instances would hand the running to a
/// clustered scheduler behind this same interface.
/// </summary>
public interface IJobQueue
{
    /// <summary>Queues a job of <paramref name="kind"/> (run by the <see cref="IJobHandler"/> of that kind).</summary>
    Task<BackgroundJob> EnqueueAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default);

    /// <summary>The queued or running job of <paramref name="kind"/>, or a newly queued one: at most one at a time.</summary>
    Task<BackgroundJob> EnqueueOnceAsync(string kind, string? payload, string? requestedBy, CancellationToken ct = default);

    /// <summary>The job with this id, when it is of <paramref name="kind"/>.</summary>
    Task<BackgroundJob?> FindAsync(Guid id, string kind, CancellationToken ct = default);

    /// <summary>The oldest queued or running job of <paramref name="kind"/>.</summary>
    Task<BackgroundJob?> ActiveAsync(string kind, CancellationToken ct = default);

    /// <summary>The most recently queued job of <paramref name="kind"/>, whatever its state.</summary>
    Task<BackgroundJob?> LatestAsync(string kind, CancellationToken ct = default);
}
