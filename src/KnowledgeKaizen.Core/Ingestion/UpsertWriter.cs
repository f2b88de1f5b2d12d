using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Writes rows with one prepared <c>INSERT … ON CONFLICT(key) DO UPDATE … WHERE something differs
/// RETURNING Id</c>: a new key inserts, a changed row updates, an identical row is left alone and returns
/// nothing — which is how "unchanged" is counted without reading rows back. EF change tracking would be
/// far too slow for a million rows; table and column names still come from the EF model, so the mapping
/// stays the one source of truth.
/// </summary>
internal sealed class UpsertWriter : IDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter Timestamp = new();
    private readonly SqliteCommand upsert;
    private readonly SqliteCommand? outbox;
    private readonly SqliteCommand count;
    private readonly SqliteParameter[] parameters;

    public UpsertWriter(SqliteConnection connection, SqliteTransaction transaction, IEntityType entity,
        IReadOnlyList<string> properties, string? searchType)
    {
        var table = Quote(entity.GetTableName()!);
        var columns = properties.Select(p => Quote(entity.FindProperty(p)?.GetColumnName()
            ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no property {p}."))).ToArray();
        var idColumn = Quote(entity.FindPrimaryKey()!.Properties[0].GetColumnName());

        var sql = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))
            .Append(CultureInfo.InvariantCulture, $") ON CONFLICT({columns[0]}) DO UPDATE SET ")
            .AppendJoin(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))
            .Append(" WHERE NOT (")
            .AppendJoin(" AND ", columns.Skip(1).Select(c => $"{c} IS excluded.{c}"))
            .Append(CultureInfo.InvariantCulture, $") RETURNING {idColumn};");
        upsert = Command(connection, transaction, sql.ToString());
        parameters = columns.Select((_, i) => upsert.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        upsert.Prepare();

        count = Command(connection, transaction, $"SELECT COUNT(*) FROM {table};");
        if (searchType is not null)
        {
            outbox = Command(connection, transaction,
                "INSERT INTO \"SearchOutbox\" (\"DocumentType\", \"DocumentKey\", \"Deleted\", \"RecordedAt\") VALUES ($type, $key, 0, $at);");
            outbox.Parameters.AddWithValue("$type", searchType);
            outbox.Parameters.Add(new SqliteParameter("$key", null));
            outbox.Parameters.Add(new SqliteParameter("$at", null));
            outbox.Prepare();
        }
    }

    /// <summary>Inserts or updates; false when an identical row was already there.</summary>
    public bool Write(object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        var id = upsert.ExecuteScalar();
        if (id is null or DBNull)
        {
            return false;
        }

        if (outbox is not null)
        {
            // Raw SQL bypasses SaveChanges, so the outbox row the DbContext would add is written here, in
            // the same transaction. The document key is the external id, as
            // the entities' SearchDocumentKey says.
            outbox.Parameters[1].Value = values[0];
            outbox.Parameters[2].Value = Timestamp.ConvertToProvider(DateTimeOffset.UtcNow);
            outbox.ExecuteNonQuery();
        }

        return true;
    }

    public long Count() => (long)count.ExecuteScalar()!;

    public void Dispose()
    {
        upsert.Dispose();
        outbox?.Dispose();
        count.Dispose();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
