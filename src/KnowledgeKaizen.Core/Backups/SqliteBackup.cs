using Microsoft.Data.Sqlite;

namespace KnowledgeKaizen.Core.Backups;

/// <summary>
/// SQLite's side of backups. The online backup API copies the live database page by page in one step: the copy is one
/// consistent snapshot, taken while the portal keeps reading and writing (in WAL mode readers block no writer). A server
/// database is backed up with its own tools (pg_dump for PostgreSQL).
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies the database behind <paramref name="sourceConnectionString"/> into a new file of its own.</summary>
    public static void Copy(string sourceConnectionString, string destinationFile)
    {
        using var source = new SqliteConnection(sourceConnectionString);
        source.Open();
        using var destination = new SqliteConnection(Local(destinationFile));
        destination.Open();
        source.BackupDatabase(destination);

        // One self-contained file: no write-ahead log beside it.
        Execute(destination, "PRAGMA journal_mode = DELETE;");
    }

    /// <summary>"ok", or what SQLite's integrity check found first.</summary>
    public static string IntegrityCheck(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "no answer";
    }

    /// <summary>Rows per table, in name order.</summary>
    public static SortedDictionary<string, long> Counts(string file)
    {
        using var connection = Open(file);
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name;";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
            counts[table] = (long)count.ExecuteScalar()!;
        }

        return counts;
    }

    /// <summary>The last migration applied to the database in <paramref name="file"/>, or null when it has none.</summary>
    public static string? LastMigration(string file) =>
        Strings(file, "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId DESC LIMIT 1;").FirstOrDefault();

    /// <summary>Imports being applied in the database in <paramref name="file"/>: their staged rows belong in the backup.</summary>
    public static IReadOnlyList<Guid> ApplyingImports(string file) =>
        [.. Strings(file, "SELECT Id FROM \"Imports\" WHERE Status = 'Applying';").Select(Guid.Parse)];

    private static List<string> Strings(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(Local(file));
        connection.Open();
        return connection;
    }

    // Unpooled: a pooled handle would keep the file open after the copy is moved or deleted.
    private static string Local(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
