namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Who is looking: managers see every rep; anyone else sees their own rep (if linked) and company aggregates.</summary>
public sealed record MetricViewer(bool SeesAllReps, long? RepId)
{
    /// <summary>Every viewer who sees all reps, whichever rep they are linked to.</summary>
    public static MetricViewer AllReps { get; } = new(true, null);

    /// <summary>
    /// The viewer as far as results differ: a manager linked to a rep sees what every manager sees, so they share
    /// cached results (the warmer's among them).
    /// </summary>
    public MetricViewer Audience => SeesAllReps ? AllReps : this;

    public bool MaySee(long repId) => SeesAllReps || RepId == repId;

    /// <summary>Non-managers see company aggregates: rep, team and region filters are dropped for them.</summary>
    public (MetricFilter Filter, bool Restricted) Scope(MetricFilter filter) =>
        SeesAllReps || (filter.RepId is null && filter.Team is null && filter.Region is null)
            ? (filter, false)
            : (filter.Company(), true);
}
