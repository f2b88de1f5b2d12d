namespace KnowledgeKaizen.Core.Jobs;

/// <summary>Reports progress of a running job; persisted, throttled.</summary>
public interface IJobProgress
{
    Task ReportAsync(double fraction, string? message, CancellationToken cancellationToken = default);
}
