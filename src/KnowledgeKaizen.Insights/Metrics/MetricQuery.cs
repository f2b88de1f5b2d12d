using System.Data;

namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// Thin ADO.NET helpers over the context's own connection: aggregates stay in SQL. Without
/// <paramref name="readsFeedback"/>, a query of the feedback table is refused: the result being computed is cached by a
/// data version that feedback writes do not change (<see cref="MetricDataLane"/>).
/// </summary>
internal sealed class MetricQuery(DbConnection connection, bool readsFeedback = true)
{
    public async Task ReadAsync(string sql, SqlScope? scope, Action<DbDataReader> row, CancellationToken ct)
    {
        if (!readsFeedback && sql.Contains("\"Feedback\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A dashboard result cached in the CRM lane read the feedback table; give it the feedback lane.");
        }

        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        scope?.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    /// <summary>
    /// Spreads of <c>v</c> per key <c>k</c> from a query selecting (k, v). Only the numbers travel (two
    /// columns), and sorting them in memory measured faster than SQLite window functions over a temp b-tree.
    /// </summary>
    public async Task<Dictionary<string, Spread>> SpreadsAsync(string sql, SqlScope scope, CancellationToken ct)
    {
        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        await ReadAsync(sql, scope, r =>
        {
            if (r.IsDBNull(1))
            {
                return;
            }

            var key = r.IsDBNull(0) ? string.Empty : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!;
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(r.GetDouble(1));
        }, ct);
        return values.ToDictionary(kv => kv.Key, kv => SpreadOf(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>Nearest-rank percentiles: the value at rank ceil(p·n) of the sorted values.</summary>
    public static Spread SpreadOf(List<double> values)
    {
        if (values.Count == 0)
        {
            return Spread.Empty;
        }

        values.Sort();
        return new Spread(values.Count, values.Average(), Rank(values, 0.5), Rank(values, 0.9));
    }

    private static double Rank(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling((p * sorted.Count) - 1e-9) - 1, 0, sorted.Count - 1)];

    public static long Long(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : r.GetInt64(i);

    public static double Double(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : r.GetDouble(i);

    public static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static string Text(DbDataReader r, int i) => r.IsDBNull(i) ? string.Empty : r.GetString(i);
}
