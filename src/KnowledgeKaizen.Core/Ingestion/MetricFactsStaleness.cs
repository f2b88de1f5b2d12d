namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// How the change triggers on the tables the metric aggregates summarise (<c>TR_{table}_{operation}_MetricFacts</c>, created by
/// MetricFactsSchema in each provider's migrations project) list what a write touched: the aggregate kind and
/// month in <c>MetricDirtyMonths</c>. Beside them, the data-version triggers on every table the metrics read
/// (<c>TR_{table}_{operation}_Version_MetricFacts</c>, MetricDataVersionSchema) give the dashboards' cache a new key.
/// Imports write through both like any other write.
/// </summary>
public static class MetricFactsStaleness
{
    /// <summary>The month that stands for every month of a kind (listed by bulk loads of earlier versions).</summary>
    public const string AllMonths = "*";

    /// <summary>How the data-version triggers' names end (SQLite: one per table and operation).</summary>
    public const string VersionTriggerSuffix = "_Version_MetricFacts";

    /// <summary>What a SQLite trigger does (the statements of its <c>CREATE TRIGGER … BEGIN … END</c>), for a bulk write that sets it aside and does it once.</summary>
    public static string TriggerBody(string createTrigger)
    {
        var begin = createTrigger.IndexOf("BEGIN", StringComparison.OrdinalIgnoreCase) + "BEGIN".Length;
        return createTrigger[begin..createTrigger.LastIndexOf("END", StringComparison.OrdinalIgnoreCase)].Trim();
    }
}
