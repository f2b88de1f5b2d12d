using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The database side of one import: its valid rows staged beside the portal's tables (numbered 1 to <see cref="Count"/> in
/// file order), compared with what is stored, and applied by set-based SQL. Validation, references, duplicates and
/// reporting are the pipeline's and the same on every database; each engine stages and applies its own way
/// (<see cref="SqliteImportStaging"/>, <see cref="PostgreSqlImportStaging"/>).
/// </summary>
internal abstract class ImportStaging : IDisposable
{
    /// <summary>
    /// Stages on the context's open connection, outside any transaction, in <paramref name="path"/> where a database
    /// stages into a file of its own (null: a temporary file). Dispose removes the staged rows.
    /// </summary>
    public static ImportStaging Attach(DbConnection connection, string? path, IEntityType entity, IReadOnlyList<string> properties, string? searchType) =>
        connection switch
        {
            SqliteConnection sqlite => SqliteImportStaging.Attach(sqlite, path, entity, properties, searchType),
            NpgsqlConnection postgres => new PostgreSqlImportStaging(postgres, entity, properties, searchType),
            _ => throw new NotSupportedException($"No import path for {connection.GetType().Name}."),
        };

    /// <summary>
    /// The database takes one writer at a time (SQLite): the apply goes in short batches that take turns with the portal's
    /// saves, and the staged rows are a file that outlives the process, so an interrupted apply resumes from them. Otherwise
    /// writers do not block each other, and the apply is one transaction (an interrupted one left nothing).
    /// </summary>
    public abstract bool AppliesInBatches { get; }

    /// <summary>Starts an empty staging table with the portal table's columns and types.</summary>
    public abstract void Create();

    /// <summary>A writer of rows into the staging table; <see cref="IStagingWriter.Complete"/> makes them count.</summary>
    public abstract IStagingWriter Writer();

    /// <summary>Makes the staged rows durable, so the decision to apply them can be committed.</summary>
    public abstract void Persist();

    /// <summary>Rows staged; they are numbered 1 to this count in file order.</summary>
    public abstract long Count();

    /// <summary>Of the staged rows after <paramref name="from"/> up to <paramref name="to"/>: how many are new, how many new or different.</summary>
    public abstract (long Inserted, long Changed) Compare(DbTransaction? transaction, long from, long to);

    /// <summary>Begins the transaction of one apply batch (SQLite: the write lock is taken at once).</summary>
    public abstract DbTransaction BeginApply();

    /// <summary>
    /// Upserts the staged rows after <paramref name="from"/> up to <paramref name="to"/> inside <paramref name="transaction"/>:
    /// a new key inserts, a different row updates, an identical one is left alone. For a searchable kind every inserted or
    /// updated row gets a search-outbox row stamped <paramref name="recordedAt"/> in the same transaction (as a save through
    /// the context would add), keyed by the external id. <paramref name="last"/>: the batch that ends the apply.
    /// </summary>
    public abstract void Apply(DbTransaction transaction, long from, long to, DateTimeOffset recordedAt, bool last);

    /// <summary>
    /// Whether batches committed rows whose data-version change is still to be made: an apply in batches changes the
    /// dashboards' data version once, with its last batch (see <see cref="SqliteImportStaging"/>).
    /// </summary>
    public virtual bool VersionChangePending => false;

    /// <summary>Makes the pending data-version change inside <paramref name="transaction"/>, for an apply that stops early.</summary>
    public virtual void ChangeVersion(DbTransaction transaction)
    {
    }

    /// <summary>Connection settings for the length of an apply, restored when the result is disposed.</summary>
    public abstract IDisposable Tune();

    /// <summary>Work after a batch has committed and its write turn is given back (see <see cref="SqliteImportStaging"/>).</summary>
    public virtual Task AfterBatchAsync(CancellationToken ct) => Task.CompletedTask;

    public abstract void Dispose();

    protected static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected static IReadOnlyList<IProperty> Properties(IEntityType entity, IReadOnlyList<string> names) =>
        [.. names.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no property {p}."))];
}

/// <summary>Writes rows into an import's staging table.</summary>
internal interface IStagingWriter : IDisposable
{
    /// <summary>Queues a row (kept until written: pass a copy).</summary>
    void Add(object?[] values);

    /// <summary>Writes whatever is still queued and commits the staged rows.</summary>
    void Complete();
}
