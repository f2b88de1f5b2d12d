namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>One heatmap cell: a rep's decided entries at a stage and how many advanced.</summary>
public sealed record RepStageCell(string StageCode, long Decided, long Advanced)
{
    public double? Rate => SalesKpis.Ratio(Advanced, Decided);
}
