using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// SQLite: one import's valid rows in a database file of their own, attached to the portal's connection as "stage".
/// <list type="bullet">
/// <item>Staging writes only that file, so the portal's database is not locked while a file is read and checked.</item>
/// <item>Applying upserts the staged rows into the portal's table with set-based SQL in short transactions, in
/// staging order from where the last committed batch ended, so another writer waits for one batch at most.</item>
/// <item>The file is the redo log of an import being applied: after a crash the apply resumes from it; the upserts
/// are idempotent, so a batch repeated after a crash changes nothing twice.</item>
/// </list>
/// </summary>
internal sealed class SqliteImportStaging : ImportStaging
{
    private const string Rows = "\"stage\".\"rows\"";

    // After a batch: checkpoint passes at most, and the log frames (other writers' since) a pass may leave.
    private const int CheckpointPasses = 5;
    private const int CheckpointLeftToWriters = 100;
    private static readonly TimeSpan CheckpointRetryDelay = TimeSpan.FromMilliseconds(10);
    private static readonly DateTimeOffsetToBinaryConverter Timestamp = new();

    private readonly SqliteConnection connection;
    private readonly string tableName;
    private readonly string table;
    private readonly string[] columns;
    private readonly string? searchType;
    private readonly string? path;

    // What the data-version triggers set aside by committed batches would have done, still to do (see Apply).
    private readonly HashSet<string> pendingVersionChanges = new(StringComparer.Ordinal);

    // "The stored row equals the staged one", as ON CONFLICT's own test compares them.
    private readonly string same;

    private SqliteImportStaging(SqliteConnection connection, string? path, IEntityType entity, IReadOnlyList<string> properties, string? searchType)
    {
        this.connection = connection;
        this.path = path;
        this.searchType = searchType;
        tableName = entity.GetTableName()!;
        table = "\"main\"." + Quote(tableName);
        columns = properties.Select(p => Quote(entity.FindProperty(p)?.GetColumnName()
            ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no property {p}."))).ToArray();
        same = columns.Length == 1 ? "1" : string.Join(" AND ", columns.Skip(1).Select(c => $"m.{c} IS s.{c}"));
    }

    private string Key => columns[0];

    public override bool AppliesInBatches => true;

    /// <summary>
    /// Attaches the staging file at <paramref name="path"/> (created when missing; null: a temporary file SQLite deletes
    /// on detach) to the open <paramref name="connection"/>, outside any transaction. Dispose detaches it.
    /// </summary>
    public static SqliteImportStaging Attach(SqliteConnection connection, string? path, IEntityType entity, IReadOnlyList<string> properties,
        string? searchType)
    {
        var staging = new SqliteImportStaging(connection, path, entity, properties, searchType);
        staging.Execute(null, "ATTACH DATABASE $path AS \"stage\"", ("$path", path ?? string.Empty));
        return staging;
    }

    /// <summary>
    /// Starts an empty staging table with the portal table's columns and their type affinities (so a staged value is
    /// stored, and compares, as it will in the portal's table). Its journal lives in memory and nothing is synced while
    /// staging: an interrupted staging is thrown away, and <see cref="Persist"/> syncs the finished file.
    /// </summary>
    public override void Create()
    {
        Execute(null, $"""
            PRAGMA "stage".journal_mode = MEMORY;
            PRAGMA "stage".synchronous = OFF;
            DROP TABLE IF EXISTS {Rows};
            CREATE TABLE {Rows} AS SELECT {string.Join(", ", columns)} FROM {table} WHERE 0;
            """);
    }

    /// <summary>Stages rows in a transaction that writes only the staging file: the portal's database stays unlocked.</summary>
    public override IStagingWriter Writer() => new StagingWriter(connection, InsertSql);

    /// <summary>The INSERT of <paramref name="rows"/> rows into the staging table, values by position in column order.</summary>
    private string InsertSql(int rows)
    {
        var row = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"INSERT INTO {Rows} ({string.Join(", ", columns)}) VALUES ")
            .AppendJoin(", ", Enumerable.Repeat(row, rows))
            .Append(';')
            .ToString();
    }

    /// <summary>Writes the staged rows to disk, so the decision to apply them can be committed (a restart resumes from them).</summary>
    public override void Persist()
    {
        if (path is not null)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            file.Flush(flushToDisk: true);
        }
    }

    public override long Count() => Scalar(null, $"SELECT COALESCE(MAX(rowid), 0) FROM {Rows}");

    public override (long Inserted, long Changed) Compare(DbTransaction? transaction, long from, long to)
    {
        using var command = Command((SqliteTransaction?)transaction, $"""
            SELECT COUNT(*) - COUNT(m.{Key}), COALESCE(SUM(m.{Key} IS NULL OR NOT ({same})), 0)
            FROM {Rows} s LEFT JOIN {table} m ON m.{Key} = s.{Key}
            WHERE s.rowid > $from AND s.rowid <= $to
            """, ("$from", from), ("$to", to));
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public override DbTransaction BeginApply() => connection.BeginTransaction(deferred: false);

    public override IDisposable Tune() => new ApplyTuning(connection);

    /// <summary>
    /// Copies the write-ahead log into the database now that the batch's turn is given back. While an import applies,
    /// its connection does not checkpoint inside its commits (<see cref="ApplyTuning"/>): a checkpoint after a batch
    /// writes thousands of scattered pages and syncs them, up to a second on a slow disk, and inside the commit it held
    /// the write turn, and with it every other writer, that long. Out here the writers go on; a writer's own automatic
    /// checkpoint meanwhile finds this one running and skips.
    /// <para>A pass cannot copy pages a reader of an older snapshot still reads from the database; what it leaves would
    /// fall to the next writer's automatic checkpoint, inside that writer's turn. Readers finish in milliseconds, so
    /// the pass is repeated a few times, briefly apart, until only the frames other writers added since are left.</para>
    /// </summary>
    public override async Task AfterBatchAsync(CancellationToken ct)
    {
        for (var pass = 0; pass < CheckpointPasses; pass++)
        {
            using var command = Command(null, "PRAGMA \"main\".wal_checkpoint(PASSIVE);");
            using var reader = command.ExecuteReader();
            reader.Read();
            if (reader.GetInt64(1) - reader.GetInt64(2) <= CheckpointLeftToWriters)
            {
                return;
            }

            await Task.Delay(CheckpointRetryDelay, ct);
        }
    }

    public override void Apply(DbTransaction transaction, long from, long to, DateTimeOffset recordedAt, bool last)
    {
        var sqlite = (SqliteTransaction)transaction;
        if (searchType is not null)
        {
            Execute(sqlite, $"""
                INSERT INTO "main"."SearchOutbox" ("DocumentType", "DocumentKey", "Deleted", "RecordedAt")
                SELECT $type, s.{Key}, 0, $at FROM {Rows} s LEFT JOIN {table} m ON m.{Key} = s.{Key}
                WHERE s.rowid > $from AND s.rowid <= $to AND (m.{Key} IS NULL OR NOT ({same}))
                ORDER BY s.rowid
                """, ("$type", searchType), ("$at", Timestamp.ConvertToProvider(recordedAt)!), ("$from", from), ("$to", to));
        }

        var upsert = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns)} FROM {Rows} ")
            .Append("WHERE rowid > $from AND rowid <= $to ORDER BY rowid");
        if (columns.Length > 1)
        {
            upsert.Append(CultureInfo.InvariantCulture, $" ON CONFLICT({Key}) DO UPDATE SET ")
                .AppendJoin(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))
                .Append(" WHERE NOT (")
                .AppendJoin(" AND ", columns.Skip(1).Select(c => $"{c} IS excluded.{c}"))
                .Append(')');
        }
        else
        {
            upsert.Append(CultureInfo.InvariantCulture, $" ON CONFLICT({Key}) DO NOTHING");
        }

        // The data-version triggers would update the one version row once per row written. Within the batch's own
        // transaction they are set aside, and what they do (their body: which version a table's writes change is the
        // migrations' to say) is done once for the whole apply, with its last batch: while an import is applied the
        // dashboards keep their results and show the figures from before it, instead of computing every page again
        // after each batch of a tenth of a second; they change when it ends. SQLite's DDL is transactional, so no other
        // connection ever sees the table without them.
        var versionTriggers = Triggers(sqlite, MetricFactsStaleness.VersionTriggerSuffix);
        foreach (var (name, _) in versionTriggers)
        {
            Execute(sqlite, $"DROP TRIGGER \"main\".{Quote(name)}");
        }

        using (var command = Command(sqlite, upsert.ToString(), ("$from", from), ("$to", to)))
        {
            if (command.ExecuteNonQuery() > 0)
            {
                pendingVersionChanges.UnionWith(versionTriggers.Select(t => MetricFactsStaleness.TriggerBody(t.Sql)));
            }
        }

        foreach (var (_, sql) in versionTriggers)
        {
            Execute(sqlite, sql);
        }

        if (last)
        {
            ChangeVersion(transaction);
        }
    }

    public override bool VersionChangePending => pendingVersionChanges.Count > 0;

    // The changes stay pending after they are made: the transaction that makes them may still fail to commit, and an
    // apply that then stops makes them again (a second change of a version is harmless; a missing one is not).
    public override void ChangeVersion(DbTransaction transaction)
    {
        foreach (var body in pendingVersionChanges)
        {
            Execute((SqliteTransaction)transaction, body);
        }
    }

    /// <summary>(name, CREATE statement) of the portal table's triggers whose names end with <paramref name="suffix"/>.</summary>
    private List<(string Name, string Sql)> Triggers(SqliteTransaction transaction, string suffix)
    {
        using var command = Command(transaction, """
            SELECT "name", "sql" FROM "main"."sqlite_master"
            WHERE "type" = 'trigger' AND "tbl_name" = $table AND substr("name", -length($suffix)) = $suffix
            """, ("$table", tableName), ("$suffix", suffix));
        using var reader = command.ExecuteReader();
        var triggers = new List<(string, string)>();
        while (reader.Read())
        {
            triggers.Add((reader.GetString(0), reader.GetString(1)));
        }

        return triggers;
    }

    /// <summary>Detaches the staging file (a temporary one is deleted by SQLite).</summary>
    public override void Dispose() => Execute(null, "DETACH DATABASE \"stage\"");

    private long Scalar(SqliteTransaction? transaction, string sql)
    {
        using var command = Command(transaction, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>
    /// Connection settings while an import applies. Foreign-key enforcement is off because every reference was
    /// resolved against the referenced table when the row was staged (an unknown one is a row problem), and nothing
    /// deletes CRM rows, so SQLite's own check would only repeat the lookup; a larger page cache keeps the indexes
    /// being written in memory; the automatic checkpoint is off (see <see cref="AfterBatchAsync"/>). All are restored
    /// afterwards (the connection is pooled).
    /// </summary>
    private sealed class ApplyTuning : IDisposable
    {
        /// <summary>SQLite's default: a commit that leaves the log this many pages long copies it into the database.</summary>
        public const int DefaultAutoCheckpointPages = 1000;

        private readonly SqliteConnection connection;

        public ApplyTuning(SqliteConnection connection)
        {
            this.connection = connection;
            Execute("PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0;");
        }

        public void Dispose() => Execute($"PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = {DefaultAutoCheckpointPages};");

        private void Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
