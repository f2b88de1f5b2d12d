using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The metric aggregates' freshness flag and the triggers that clear it on any write to the tables they
/// summarise (<c>TR_{table}_{operation}_MetricFacts</c>, created by
/// MetricFactsSchema in each provider's migrations project), which also list the months each write touched, and
/// the data-version triggers on every table the metrics read (<c>TR_{table}_{operation}_Version_MetricFacts</c>,
/// MetricDataVersionSchema). A bulk load runs without them, so it changes the version once and lists the table's
/// aggregate kinds as a whole (month <c>*</c>): the refresh rebuilds those kinds entirely and leaves the others alone.
/// </summary>
public static class MetricFactsStaleness
{
    internal const string TriggerNamePattern = @"TR\_%\_MetricFacts";

    /// <summary>The month that stands for every month of a kind.</summary>
    public const string AllMonths = "*";

    // The aggregate kinds each table feeds (quotes' accuracy reads their opportunity).
    private static readonly Dictionary<string, string[]> Kinds = new(StringComparer.Ordinal)
    {
        ["StageHistory"] = ["stage"],
        ["Activities"] = ["activity"],
        ["Opportunities"] = ["deal", "activity"],
        ["ServiceCases"] = ["case"],
    };

    /// <summary>
    /// What the set-aside triggers would have done for a bulk load of <paramref name="table"/>: a new data version
    /// (the dashboards' cache key) and, for a table the aggregates summarise, its aggregate kinds listed as stale.
    /// </summary>
    internal static string MarkStaleSql(string table, ISqlDialect sql)
    {
        var version = $"UPDATE \"MetricFactsState\" SET \"Version\" = {sql.RandomVersion} WHERE \"Id\" = 1;";
        if (!Kinds.TryGetValue(table, out var kinds))
        {
            return version;
        }

        return version + "UPDATE \"MetricFactsState\" SET \"Fresh\" = 0, \"Partial\" = 1 WHERE \"Id\" = 1 AND \"Fresh\" = 1;" + string.Concat(kinds.Select(kind =>
            sql.InsertOrIgnore("\"MetricDirtyMonths\"", ["\"Kind\"", "\"Month\""], [$"'{kind}'", $"'{AllMonths}'"]) + ";"));
    }
}
