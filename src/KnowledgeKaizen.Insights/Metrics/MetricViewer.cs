namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Who is looking: managers see every rep; anyone else sees their own rep (if linked) and company aggregates.</summary>
public sealed record MetricViewer(bool SeesAllReps, long? RepId)
{
    public bool MaySee(long repId) => SeesAllReps || RepId == repId;

    /// <summary>Non-managers see company aggregates: rep, team and region filters are dropped for them.</summary>
    public (MetricFilter Filter, bool Restricted) Scope(MetricFilter filter) =>
        SeesAllReps || (filter.RepId is null && filter.Team is null && filter.Region is null)
            ? (filter, false)
            : (filter.Company(), true);
}
