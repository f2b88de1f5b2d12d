namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>A distribution summary: how many values, their mean, and nearest-rank median and 90th percentile.</summary>
public sealed record Spread(long Count, double? Average, double? Median, double? P90)
{
    public static readonly Spread Empty = new(0, null, null, null);
}
