using KnowledgeKaizen.Insights.Metrics;

namespace KnowledgeKaizen.Benchmarks.Metrics;

/// <summary>
/// The baseline: one hand-written query per dashboard for its core numbers, medians by window functions
/// (ROW_NUMBER over the sorted values, nearest rank), read to the end.
/// </summary>
internal static class BaselineSql
{
    public const string Funnel = """
        WITH d AS (SELECT StageId, Outcome, CASE WHEN LeftAt IS NOT NULL THEN julianday(LeftAt) - julianday(EnteredAt) END AS days
                   FROM StageHistory WHERE EnteredAt >= @from AND EnteredAt < @to),
             r AS (SELECT StageId, days, ROW_NUMBER() OVER (PARTITION BY StageId ORDER BY days) AS rn, COUNT(*) OVER (PARTITION BY StageId) AS n
                   FROM d WHERE days IS NOT NULL)
        SELECT d.StageId, COUNT(*), SUM(Outcome = 'Advanced'), SUM(Outcome = 'Lost'), AVG(days),
               (SELECT days FROM r WHERE r.StageId = d.StageId AND rn = (n + 1) / 2)
        FROM d GROUP BY d.StageId
        """;

    public const string Heatmap = """
        SELECT RepId, StageId, SUM(Outcome <> 'Open'), SUM(Outcome = 'Advanced')
        FROM StageHistory WHERE EnteredAt >= @from AND EnteredAt < @to GROUP BY RepId, StageId
        """;

    public const string RepPage = """
        SELECT substr(EnteredAt, 1, 7) AS m, StageId, SUM(RepId = @rep AND Outcome <> 'Open'), SUM(RepId = @rep AND Outcome = 'Advanced'),
               SUM(Outcome <> 'Open'), SUM(Outcome = 'Advanced')
        FROM StageHistory WHERE EnteredAt >= @from AND EnteredAt < @to GROUP BY m, StageId
        """;

    public const string Service = """
        WITH c AS (SELECT Channel, (julianday(FirstResponseAt) - julianday(OpenedAt)) * 24 AS fr, (julianday(ResolvedAt) - julianday(OpenedAt)) * 24 AS res
                   FROM ServiceCases WHERE OpenedAt >= @from AND OpenedAt < @to),
             r AS (SELECT Channel, fr, ROW_NUMBER() OVER (PARTITION BY Channel ORDER BY fr) AS rn, COUNT(*) OVER (PARTITION BY Channel) AS n FROM c WHERE fr IS NOT NULL),
             s AS (SELECT Channel, res, ROW_NUMBER() OVER (PARTITION BY Channel ORDER BY res) AS rn, COUNT(*) OVER (PARTITION BY Channel) AS n FROM c WHERE res IS NOT NULL)
        SELECT Channel, COUNT(*),
               (SELECT fr FROM r WHERE r.Channel = c.Channel AND rn = (n + 1) / 2),
               (SELECT fr FROM r WHERE r.Channel = c.Channel AND rn = (9 * n + 9) / 10),
               (SELECT res FROM s WHERE s.Channel = c.Channel AND rn = (n + 1) / 2),
               (SELECT res FROM s WHERE s.Channel = c.Channel AND rn = (9 * n + 9) / 10)
        FROM c GROUP BY Channel
        """;

    public const string Feedback = """
        SELECT substr(ReceivedAt, 1, 7) AS m, Type, COUNT(*), COUNT(ResolvedAt), AVG(julianday(ResolvedAt) - julianday(ReceivedAt))
        FROM Feedback WHERE ReceivedAt >= @from AND ReceivedAt < @to GROUP BY m, Type
        """;

    public static async Task RunAsync(string connectionString, string sql, MetricFilter filter, long rep)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@from", SqlScopeText(filter.From));
        command.Parameters.AddWithValue("@to", SqlScopeText(filter.To));
        command.Parameters.AddWithValue("@rep", rep);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static string SqlScopeText(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
