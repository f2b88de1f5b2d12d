namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// How the change triggers on the tables the metric aggregates summarise (<c>TR_{table}_{operation}_MetricFacts</c>, created by
/// MetricFactsSchema in each provider's migrations project) list what a write touched: the aggregate kind and
/// month in <c>MetricDirtyMonths</c>. Imports write through them like any other write.
/// </summary>
public static class MetricFactsStaleness
{
    /// <summary>The month that stands for every month of a kind (listed by bulk loads of earlier versions).</summary>
    public const string AllMonths = "*";
}
