namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// PostgreSQL: CRM timestamps are <c>timestamptz</c>, so months are taken in UTC and days come from the interval's
/// epoch seconds. Aggregates over integers return bigint or numeric in PostgreSQL, so the figures the readers take as
/// doubles are cast to <c>double precision</c>; the readers then see the same types on both databases.
/// </summary>
public sealed class PostgreSqlDialect : ISqlDialect
{
    public static PostgreSqlDialect Instance { get; } = new();

    public bool OneWriterAtATime => false;

    public string MonthOf(string timestamp) => $"to_char({timestamp} AT TIME ZONE 'UTC', 'YYYY-MM')";

    public string DaysBetween(string start, string end) => $"(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0)::double precision";

    public string CountWhere(string condition) => $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)::bigint";

    public string Flag(string condition) => $"(CASE WHEN {condition} THEN 1 ELSE 0 END)";

    public string Total(string expression) => $"COALESCE(SUM({expression}), 0)::double precision";

    public string Greatest(string first, string second) => $"GREATEST({first}, {second})";

    public string EqualsIgnoringCase(string left, string right) => $"lower({left}) = lower({right})";

    // PostgreSQL's planner picks its index from column statistics; the SQLite hint has nothing to correct here.
    public string WithoutIndex(string column) => column;

    public string TableExists(string nameParameter) => $"SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = {nameParameter}";

    public string LockingRead => " FOR UPDATE";

    public string InsertOrIgnore(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) ON CONFLICT DO NOTHING";

    public string? AfterMigration => null;

    public object Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
