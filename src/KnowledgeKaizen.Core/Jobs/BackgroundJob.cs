namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Long work (import, reindex, retrain, export) with its progress stored in the database, so the UI can
/// show a progress bar and a crash leaves the job visibly failed rather than silently half-done.
/// </summary>
public class BackgroundJob
{
    public const int MaxKindLength = 64;

    private BackgroundJob()
    {
        Kind = string.Empty;
    }

    public BackgroundJob(string kind, string? payload, string? requestedBy, DateTimeOffset queuedAt)
    {
        Kind = kind;
        Payload = payload;
        RequestedBy = requestedBy;
        Status = JobStatus.Queued;
        QueuedAt = queuedAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>Which <see cref="IJobHandler"/> runs it.</summary>
    public string Kind { get; private set; }

    /// <summary>Handler-specific input, usually JSON.</summary>
    public string? Payload { get; private set; }

    public string? RequestedBy { get; private set; }

    public JobStatus Status { get; private set; }

    /// <summary>0 to 1.</summary>
    public double Progress { get; private set; }

    /// <summary>Latest human-readable step or the failure reason.</summary>
    public string? Message { get; private set; }

    /// <summary>Handler-specific outcome, usually JSON.</summary>
    public string? Result { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed;

    public void Start(DateTimeOffset at)
    {
        if (Status != JobStatus.Queued)
        {
            throw new InvalidOperationException($"Job {Id} is {Status}; only a queued job can start.");
        }

        Status = JobStatus.Running;
        StartedAt = at;
    }

    /// <summary>
    /// Runs again from the start: the instance running it died (its handler's work was all-or-nothing, so nothing of the
    /// first run was kept) and the cluster handed the job to another instance.
    /// </summary>
    public void Restart(DateTimeOffset at, string message)
    {
        if (Status != JobStatus.Running)
        {
            throw new InvalidOperationException($"Job {Id} is {Status}; only a job that was running can run again.");
        }

        StartedAt = at;
        Progress = 0;
        Message = message;
    }

    public void ReportProgress(double progress, string? message)
    {
        Progress = Math.Clamp(progress, 0, 1);
        Message = message;
    }

    public void Succeed(string? result, DateTimeOffset at, string? message = null)
    {
        Status = JobStatus.Succeeded;
        Progress = 1;
        Result = result;
        Message = message ?? Message;
        FinishedAt = at;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        Status = JobStatus.Failed;
        Message = reason;
        FinishedAt = at;
    }
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(BackgroundJob.MaxKindLength);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(j => new { j.Kind, j.QueuedAt });
    }
}
