using Microsoft.Data.Sqlite;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// For a bulk load, drops a table's indexes inside the import transaction and rebuilds them once at the
/// end: SQLite builds an index from sorted data several times faster than it maintains it row by row. The
/// unique index on the upsert key is dropped only when the table starts empty (rows are then plain inserts,
/// and keys repeated in the file were already rejected); otherwise ON CONFLICT needs it. DDL is
/// transactional in SQLite, so a rolled-back import gets its indexes back untouched, and other connections
/// never see them missing.
/// </summary>
internal sealed class SecondaryIndexes
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly List<string> definitions = [];

    private SecondaryIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>Files this large (about 100,000 rows) are loaded with the indexes dropped.</summary>
    public const long BulkBytes = 8L * 1024 * 1024;

    public static SecondaryIndexes Drop(SqliteConnection connection, SqliteTransaction transaction, string table, bool includeUnique)
    {
        var indexes = new SecondaryIndexes(connection, transaction);
        var names = new List<string>();
        using (var list = indexes.Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL AND ($unique OR sql NOT LIKE 'CREATE UNIQUE%')"))
        {
            list.Parameters.AddWithValue("$table", table);
            list.Parameters.AddWithValue("$unique", includeUnique);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                indexes.definitions.Add(reader.GetString(1));
            }
        }

        foreach (var name in names)
        {
            using var drop = indexes.Command($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            drop.ExecuteNonQuery();
        }

        return indexes;
    }

    public void Rebuild()
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
