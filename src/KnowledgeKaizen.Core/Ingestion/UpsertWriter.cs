using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Writes rows in batches with prepared <c>INSERT … VALUES (…), (…) ON CONFLICT(key) DO UPDATE … WHERE
/// something differs</c>: a new key inserts, a changed row updates, an identical row is left alone and
/// does not count as a change — which is how "unchanged" is known without reading rows back. EF change
/// tracking would be far too slow for a million rows; table and column names still come from the EF model,
/// so the mapping stays the one source of truth.
/// </summary>
internal sealed class UpsertWriter : IDisposable
{
    /// <summary>
    /// Rows per statement. One: Microsoft.Data.Sqlite matches parameters by name, so a multi-row statement
    /// costs more per row than it saves (measured: 64-row batches were slower than single rows).
    /// </summary>
    private const int BatchRows = 1;

    private static readonly DateTimeOffsetToBinaryConverter Timestamp = new();
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly string table;
    private readonly string[] columns;
    private readonly string? searchType;
    private readonly bool insertOnly;
    private readonly Dictionary<int, SqliteCommand> statements = [];
    private readonly object?[] pending;
    private readonly SqliteCommand? outbox;
    private int pendingRows;

    // insertOnly: the table started empty in this transaction, so every row is new and a plain INSERT (no
    // conflict handling, no unique index to consult) does.
    public UpsertWriter(SqliteConnection connection, SqliteTransaction transaction, IEntityType entity,
        IReadOnlyList<string> properties, string? searchType, bool insertOnly = false)
    {
        this.insertOnly = insertOnly;
        this.connection = connection;
        this.transaction = transaction;
        this.searchType = searchType;
        table = Quote(entity.GetTableName()!);
        columns = properties.Select(p => Quote(entity.FindProperty(p)?.GetColumnName()
            ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no property {p}."))).ToArray();
        pending = new object?[BatchRows * columns.Length];
        if (searchType is not null)
        {
            outbox = Command("INSERT INTO \"SearchOutbox\" (\"DocumentType\", \"DocumentKey\", \"Deleted\", \"RecordedAt\") VALUES ($type, $key, 0, $at);");
            outbox.Parameters.AddWithValue("$type", searchType);
            outbox.Parameters.Add(new SqliteParameter("$key", null));
            outbox.Parameters.Add(new SqliteParameter("$at", null));
            outbox.Prepare();
        }
    }

    /// <summary>Rows inserted or updated so far (identical rows excluded).</summary>
    public long Changed { get; private set; }

    public void Add(object?[] values)
    {
        Array.Copy(values, 0, pending, pendingRows * columns.Length, columns.Length);
        if (++pendingRows == BatchRows)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (pendingRows == 0)
        {
            return;
        }

        var command = StatementFor(pendingRows);
        for (var i = 0; i < pendingRows * columns.Length; i++)
        {
            command.Parameters[i].Value = pending[i] ?? DBNull.Value;
        }

        if (outbox is null)
        {
            Changed += command.ExecuteNonQuery();
        }
        else
        {
            // Raw SQL bypasses SaveChanges, so the outbox rows the DbContext would add are written here, in
            // the same transaction, keyed by the external id as the entities' SearchDocumentKey is.
            var keys = new List<object>(pendingRows);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    keys.Add(reader.GetValue(0));
                }
            }

            foreach (var key in keys)
            {
                outbox.Parameters[1].Value = key;
                outbox.Parameters[2].Value = Timestamp.ConvertToProvider(DateTimeOffset.UtcNow);
                outbox.ExecuteNonQuery();
            }

            Changed += keys.Count;
        }

        Array.Clear(pending, 0, pendingRows * columns.Length);
        pendingRows = 0;
    }

    public long Count() => Count(connection, transaction, table);

    public static long Count(SqliteConnection connection, SqliteTransaction transaction, IEntityType entity) =>
        Count(connection, transaction, Quote(entity.GetTableName()!));

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string quotedTable)
    {
        using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT COUNT(*) FROM {quotedTable};";
        return (long)count.ExecuteScalar()!;
    }

    public void Dispose()
    {
        foreach (var command in statements.Values)
        {
            command.Dispose();
        }

        outbox?.Dispose();
    }

    private SqliteCommand StatementFor(int rows)
    {
        if (statements.TryGetValue(rows, out var cached))
        {
            return cached;
        }

        var sql = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (")
                .AppendJoin(", ", columns.Select((_, c) => "$p" + ((r * columns.Length) + c).ToString(CultureInfo.InvariantCulture)))
                .Append(')');
        }

        if (!insertOnly)
        {
            sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT({columns[0]}) DO UPDATE SET ")
                .AppendJoin(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))
                .Append(" WHERE NOT (")
                .AppendJoin(" AND ", columns.Skip(1).Select(c => $"{c} IS excluded.{c}"))
                .Append(')');
        }

        sql.Append(searchType is null ? ";" : $" RETURNING {columns[0]};");
        var command = Command(sql.ToString());
        for (var i = 0; i < rows * columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        statements[rows] = command;
        return command;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
