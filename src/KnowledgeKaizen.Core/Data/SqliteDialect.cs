namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// SQLite: EF Core keeps UTC <see cref="DateTime"/> columns as ISO text ("yyyy-MM-dd HH:mm:ss[.fffffff]"), which sorts
/// in time order, so months are text prefixes and days come from julianday(); comparisons yield 0 or 1.
/// </summary>
public sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public bool OneWriterAtATime => true;

    public string MonthOf(string timestamp) => $"substr({timestamp}, 1, 7)";

    public string DaysBetween(string start, string end) => $"(julianday({end}) - julianday({start}))";

    public string CountWhere(string condition) => $"SUM({condition})";

    public string Flag(string condition) => $"({condition})";

    public string Total(string expression) => $"TOTAL({expression})";

    public string Greatest(string first, string second) => $"MAX({first}, {second})";

    public string EqualsIgnoringCase(string left, string right) => $"{left} = {right} COLLATE NOCASE";

    // A unary plus makes the term an expression, which SQLite's planner does not match to an index.
    public string WithoutIndex(string column) => "+" + column;

    public string TableExists(string nameParameter) => $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = {nameParameter}";

    public string LockingRead => string.Empty;

    public string InsertOrIgnore(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values) =>
        $"INSERT OR IGNORE INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";

    // WAL lets readers (pages) proceed while a writer (an import) commits; it is persistent per file.
    public string? AfterMigration => "PRAGMA journal_mode=WAL;";

    public object Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
