namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// One funnel row: stage entries counted in the period they were ENTERED. Conversion = advanced / (advanced +
/// lost), open entries excluded; cumulative = product of the conversions of this and all earlier stages.
/// Time in stage counts entries that have been left (advanced or lost).
/// </summary>
public sealed record FunnelStage(StageInfo Stage, long Entered, long Advanced, long Lost, double? Conversion, double? Cumulative, Spread DaysInStage)
{
    public long Open => Entered - Advanced - Lost;

    public long Decided => Advanced + Lost;
}
