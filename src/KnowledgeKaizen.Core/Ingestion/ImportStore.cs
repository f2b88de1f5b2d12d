using System.Data.Common;
using KnowledgeKaizen.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The database side of one import: its transaction, row counts, and each engine's bulk path for writing rows
/// (SQLite: prepared multi-row upserts on the raw handle; PostgreSQL: binary COPY into a staging table and one
/// set-based merge). Validation, references, duplicates and reporting are the pipeline's and the same on both.
/// </summary>
internal abstract class ImportStore : IDisposable
{
    /// <summary>Begins the import's transaction on the context's open connection.</summary>
    public static ImportStore Begin(DbConnection connection) => connection switch
    {
        SqliteConnection sqlite => new SqliteImportStore(sqlite),
        NpgsqlConnection postgres => new PostgreSqlImportStore(postgres),
        _ => throw new NotSupportedException($"No import path for {connection.GetType().Name}."),
    };

    public abstract DbConnection Connection { get; }

    public abstract DbTransaction Transaction { get; }

    public long Count(IEntityType entity)
    {
        using var count = Connection.CreateCommand();
        count.Transaction = Transaction;
        count.CommandText = $"SELECT COUNT(*) FROM {Quote(entity.GetTableName()!)};";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Prepares a table for a bulk load (what is set aside comes back with <see cref="IBulkLoad.Restore"/>).</summary>
    public abstract IBulkLoad SetAside(string table, bool includeUnique, ISqlDialect sql);

    /// <summary>
    /// A writer of rows keyed by the first property (the external id): new keys insert, changed rows update, identical
    /// rows are left alone; searchable kinds (<paramref name="searchType"/>) get their outbox rows, stamped
    /// <paramref name="recordedAt"/>, in the same transaction. <paramref name="insertOnly"/>: the table started empty in
    /// this transaction, so every row is new.
    /// </summary>
    public abstract IRowWriter Writer(IEntityType entity, IReadOnlyList<string> properties, string? searchType, DateTimeOffset recordedAt, bool insertOnly);

    public abstract void Dispose();

    protected static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected static IReadOnlyList<IProperty> Properties(IEntityType entity, IReadOnlyList<string> names) =>
        [.. names.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no property {p}."))];
}

/// <summary>What a bulk load set aside, put back before the import's transaction commits.</summary>
internal interface IBulkLoad
{
    void Restore();
}

/// <summary>Writes an import's valid rows; <see cref="Flush"/> writes whatever is still queued.</summary>
internal interface IRowWriter : IDisposable
{
    /// <summary>Rows inserted or updated so far (identical rows excluded); final after <see cref="Flush"/>.</summary>
    long Changed { get; }

    /// <summary>Queues a row (kept until written: pass a copy).</summary>
    void Add(object?[] values);

    void Flush();
}
