namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Settings under "KnowledgeKaizen:Metrics".</summary>
public sealed class MetricsOptions
{
    public const string Section = "KnowledgeKaizen:Metrics";

    /// <summary>
    /// How often this instance makes sure the dashboards' default views are computed for the current data (seconds;
    /// 0: never, each view is computed by the first request after a write).
    /// </summary>
    [Range(0, 3600)]
    public int WarmEverySeconds { get; set; } = 5;
}
