namespace KnowledgeKaizen.Core.Jobs;

/// <summary>Where a <see cref="BackgroundJob"/> is in its life.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
