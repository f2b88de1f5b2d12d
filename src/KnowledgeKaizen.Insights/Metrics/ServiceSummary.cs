namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Service response, resolution, cost, satisfaction and backlog (cases counted by the period OPENED).</summary>
public sealed record ServiceSummary(
    ServiceGroup All,
    ServiceGroup Previous,
    IReadOnlyList<ServiceGroup> ByChannel,
    IReadOnlyList<ServiceGroup> ByCategory,
    IReadOnlyList<ServiceGroup> ByMonth,
    IReadOnlyList<BacklogBucket> Backlog)
{
    public bool IsEmpty => All.Cases == 0 && Backlog.All(b => b.Cases == 0);
}
