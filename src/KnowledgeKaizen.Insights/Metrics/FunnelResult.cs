namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>The sales funnel and the average conversion cycle (created → won, by the won date).</summary>
public sealed record FunnelResult(IReadOnlyList<FunnelStage> Stages, Spread ConversionCycleDays)
{
    public bool IsEmpty => Stages.All(s => s.Entered == 0);
}
