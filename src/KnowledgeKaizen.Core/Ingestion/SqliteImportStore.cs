using System.Data.Common;
using KnowledgeKaizen.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// SQLite's import path: a write transaction taken at once, connection settings for the length of the import, indexes
/// and staleness triggers set aside for bulk loads (<see cref="BulkLoadSchema"/>), rows through <see cref="UpsertWriter"/>.
/// </summary>
/// <remarks>
/// Foreign-key enforcement is off because every reference was already resolved against the referenced table inside
/// this same transaction (an unknown one is a row problem), so SQLite's own check would only repeat the lookup; a larger
/// page cache keeps the indexes being written in memory. Both are restored afterwards (the connection is pooled).
/// </remarks>
internal sealed class SqliteImportStore : ImportStore
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;

    public SqliteImportStore(SqliteConnection connection)
    {
        this.connection = connection;
        Execute("PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768;");
        transaction = connection.BeginTransaction(deferred: false);
    }

    public override DbConnection Connection => connection;

    public override DbTransaction Transaction => transaction;

    public override IBulkLoad SetAside(string table, bool includeUnique, ISqlDialect sql) =>
        BulkLoadSchema.SetAside(connection, transaction, sql, table, includeUnique);

    public override IRowWriter Writer(IEntityType entity, IReadOnlyList<string> properties, string? searchType, DateTimeOffset recordedAt, bool insertOnly) =>
        new UpsertWriter(connection, entity, properties, searchType, recordedAt, insertOnly);

    public override void Dispose()
    {
        transaction.Dispose();
        Execute("PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000;");
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
