using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The metric aggregates' freshness flag and the triggers that clear it on any write to the tables they
/// summarise (<c>TR_{table}_{operation}_MetricFacts</c>, created by
/// MetricFactsSchema in each provider's migrations project), which also list the months each write touched. A bulk load
/// runs without them, so it lists the table's aggregate kinds as a whole (month <c>*</c>): the refresh
/// rebuilds those kinds entirely and leaves the others alone.
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

    /// <summary>Marks what a bulk load of <paramref name="table"/> changes as stale, as the triggers would.</summary>
    internal static string MarkStaleSql(string table, ISqlDialect sql)
    {
        if (!Kinds.TryGetValue(table, out var kinds))
        {
            return "UPDATE \"MetricFactsState\" SET \"Fresh\" = 0, \"Partial\" = 0 WHERE \"Id\" = 1;";
        }

        return "UPDATE \"MetricFactsState\" SET \"Fresh\" = 0, \"Partial\" = 1 WHERE \"Id\" = 1 AND \"Fresh\" = 1;" + string.Concat(kinds.Select(kind =>
            sql.InsertOrIgnore("\"MetricDirtyMonths\"", ["\"Kind\"", "\"Month\""], [$"'{kind}'", $"'{AllMonths}'"]) + ";"));
    }
}
