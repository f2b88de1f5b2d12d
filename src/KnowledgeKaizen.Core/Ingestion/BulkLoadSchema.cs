using KnowledgeKaizen.Core.Data;
using Microsoft.Data.Sqlite;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// For a bulk load, sets a table's indexes and metric-staleness triggers aside inside the import
/// transaction and restores them once at the end.
/// <list type="bullet">
/// <item>Indexes: SQLite builds an index from sorted data several times faster than it maintains it row by
/// row. The unique index on the upsert key is dropped only when the table starts empty (rows are then plain
/// inserts, and keys repeated in the file were already rejected); otherwise ON CONFLICT needs it.</item>
/// <item>Staleness triggers (<see cref="MetricFactsStaleness"/>): they mark the metric aggregates stale and list
/// the months each row touched, so that a small import refreshes only those. A bulk load marks the table's
/// aggregate kinds stale as a whole once instead, and skips the per-row trigger program (a fifth of the
/// insert time).</item>
/// </list>
/// DDL is transactional in SQLite, so a rolled-back import gets its schema back untouched, and other
/// connections never see it changed.
/// </summary>
internal sealed class BulkLoadSchema : IBulkLoad
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly List<string> definitions = [];

    private BulkLoadSchema(SqliteConnection connection, SqliteTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>Files this large (about 100,000 rows) are loaded with the indexes dropped.</summary>
    public const long BulkBytes = 8L * 1024 * 1024;

    /// <summary>
    /// Into an empty table, files from this size (a few thousand rows) are too: building the indexes once
    /// beats maintaining them row by row from the first few thousand rows on (95,000 rows: 0.2 s against 0.6 s).
    /// </summary>
    public const long EmptyTableBulkBytes = 256L * 1024;

    public static BulkLoadSchema SetAside(SqliteConnection connection, SqliteTransaction transaction, ISqlDialect sql, string table, bool includeUnique)
    {
        var schema = new BulkLoadSchema(connection, transaction);
        var dropped = new List<(string Type, string Name)>();
        using (var list = schema.Command("""
            SELECT type, name, sql FROM sqlite_master
            WHERE tbl_name = $table AND sql IS NOT NULL
              AND ((type = 'index' AND ($unique OR sql NOT LIKE 'CREATE UNIQUE%'))
                OR (type = 'trigger' AND name LIKE $staleness ESCAPE '\'))
            """))
        {
            list.Parameters.AddWithValue("$table", table);
            list.Parameters.AddWithValue("$unique", includeUnique);
            list.Parameters.AddWithValue("$staleness", MetricFactsStaleness.TriggerNamePattern);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                dropped.Add((reader.GetString(0), reader.GetString(1)));
                schema.definitions.Add(reader.GetString(2));
            }
        }

        if (dropped.Any(d => d.Type == "trigger"))
        {
            using var stale = schema.Command(MetricFactsStaleness.MarkStaleSql(table, sql));
            stale.ExecuteNonQuery();
        }

        foreach (var (type, name) in dropped)
        {
            using var drop = schema.Command($"DROP {type.ToUpperInvariant()} \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            drop.ExecuteNonQuery();
        }

        return schema;
    }

    public void Restore()
    {
        foreach (var sql in definitions)
        {
            using var create = Command(sql);
            create.ExecuteNonQuery();
        }

        definitions.Clear();
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
