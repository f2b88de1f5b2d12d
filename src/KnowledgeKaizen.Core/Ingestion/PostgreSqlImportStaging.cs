using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// PostgreSQL: rows stream by binary COPY into a temporary table of the import's session (numbered in file order) and
/// are merged into the portal's table by one set-based <c>INSERT … SELECT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT
/// FROM</c>, whose RETURNING rows are exactly the inserted and changed ones (they get their outbox rows in the same
/// statement). Writers do not block each other here, so the merge and the import's record commit in one transaction; a
/// killed import leaves nothing of its rows (the server rolls the transaction back and drops the temporary table). The
/// staleness triggers are statement-level with transition tables, so they list the months of the whole merge at once.
/// </summary>
internal sealed class PostgreSqlImportStaging : ImportStaging
{
    private const string Staging = "kk_import_rows";
    private const string Row = "kk_row";
    private readonly NpgsqlConnection connection;
    private readonly string table;
    private readonly string[] columns;
    private readonly NpgsqlDbType[] types;
    private readonly string? searchType;

    public PostgreSqlImportStaging(NpgsqlConnection connection, IEntityType entity, IReadOnlyList<string> properties, string? searchType)
    {
        this.connection = connection;
        this.searchType = searchType;
        var list = Properties(entity, properties);
        table = Quote(entity.GetTableName()!);
        columns = [.. list.Select(p => Quote(p.GetColumnName()))];
        types = [.. list.Select(p => TypeOf(p.GetColumnType()))];
    }

    public override bool AppliesInBatches => false;

    private string Key => columns[0];

    private string ColumnList => string.Join(", ", columns);

    public override void Create() => Execute(null, $"""
        DROP TABLE IF EXISTS pg_temp.{Staging};
        CREATE TEMPORARY TABLE {Staging} AS SELECT {ColumnList} FROM {table} WITH NO DATA;
        ALTER TABLE {Staging} ADD COLUMN {Row} bigint GENERATED ALWAYS AS IDENTITY;
        """);

    public override IStagingWriter Writer() => new CopyWriter(connection.BeginBinaryImport($"COPY {Staging} ({ColumnList}) FROM STDIN (FORMAT BINARY)"), types);

    // A temporary table lives only as long as the session: nothing to make durable, and nothing to resume from.
    public override void Persist()
    {
    }

    public override long Count()
    {
        using var command = new NpgsqlCommand($"SELECT COALESCE(MAX({Row}), 0) FROM {Staging}", connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public override (long Inserted, long Changed) Compare(DbTransaction? transaction, long from, long to)
    {
        var different = columns.Length == 1 ? "false" : $"({string.Join(", ", columns.Skip(1).Select(c => $"m.{c}"))}) IS DISTINCT FROM ({string.Join(", ", columns.Skip(1).Select(c => $"s.{c}"))})";
        using var command = new NpgsqlCommand($"""
            SELECT COUNT(*) - COUNT(m.{Key}), COUNT(*) FILTER (WHERE m.{Key} IS NULL OR {different})
            FROM {Staging} s LEFT JOIN {table} m ON m.{Key} = s.{Key}
            WHERE s.{Row} > @from AND s.{Row} <= @to
            """, connection, (NpgsqlTransaction?)transaction);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public override DbTransaction BeginApply() => connection.BeginTransaction();

    public override void Apply(DbTransaction transaction, long from, long to, DateTimeOffset recordedAt, bool last)
    {
        var sql = new StringBuilder("WITH merged AS (")
            .Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} AS t ({ColumnList}) SELECT {ColumnList} FROM {Staging} WHERE {Row} > @from AND {Row} <= @to ORDER BY {Row}")
            .Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({Key}) ");
        var rest = columns.Skip(1).ToList();
        if (rest.Count == 0)
        {
            sql.Append("DO NOTHING");
        }
        else
        {
            // Row comparison with IS DISTINCT FROM treats NULLs as values: an identical row is no change.
            sql.Append("DO UPDATE SET ").AppendJoin(", ", rest.Select(c => $"{c} = EXCLUDED.{c}"))
                .Append(" WHERE (").AppendJoin(", ", rest.Select(c => $"t.{c}")).Append(") IS DISTINCT FROM (")
                .AppendJoin(", ", rest.Select(c => $"EXCLUDED.{c}")).Append(')');
        }

        sql.Append(CultureInfo.InvariantCulture, $" RETURNING t.{Key} AS key)");
        if (searchType is not null)
        {
            sql.Append(""", outbox AS (INSERT INTO "SearchOutbox" ("DocumentType", "DocumentKey", "Deleted", "RecordedAt") """)
                .Append("SELECT @type, key::text, false, @at FROM merged)");
        }

        using var merge = new NpgsqlCommand(sql.Append(" SELECT COUNT(*) FROM merged").ToString(), connection, (NpgsqlTransaction)transaction);
        merge.Parameters.AddWithValue("from", from);
        merge.Parameters.AddWithValue("to", to);
        if (searchType is not null)
        {
            merge.Parameters.AddWithValue("type", searchType);
            merge.Parameters.AddWithValue("at", recordedAt.ToUniversalTime());
        }

        merge.ExecuteScalar();
    }

    public override IDisposable Tune() => new NoTuning();

    public override void Dispose() => Execute(null, $"DROP TABLE IF EXISTS pg_temp.{Staging}");

    private void Execute(NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static NpgsqlDbType TypeOf(string columnType) => columnType switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "double precision" => NpgsqlDbType.Double,
        "real" => NpgsqlDbType.Real,
        "boolean" => NpgsqlDbType.Boolean,
        "uuid" => NpgsqlDbType.Uuid,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        _ when columnType.StartsWith("numeric", StringComparison.Ordinal) => NpgsqlDbType.Numeric,
        _ => NpgsqlDbType.Text,
    };

    private sealed class NoTuning : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private sealed class CopyWriter(NpgsqlBinaryImporter copy, NpgsqlDbType[] types) : IStagingWriter
    {
        public void Add(object?[] values)
        {
            copy.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    copy.WriteNull();
                }
                else
                {
                    Write(values[i]!, types[i]);
                }
            }
        }

        public void Complete() => copy.Complete();

        public void Dispose() => copy.Dispose();

        // The mappers produce the values SQLite stores (text, 64-bit integers, doubles, flags, UTC dates); each goes in
        // as the exact binary type of its column.
        private void Write(object value, NpgsqlDbType type)
        {
            switch (type)
            {
                case NpgsqlDbType.Bigint: copy.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), type); break;
                case NpgsqlDbType.Integer: copy.Write(Convert.ToInt32(value, CultureInfo.InvariantCulture), type); break;
                case NpgsqlDbType.Smallint: copy.Write(Convert.ToInt16(value, CultureInfo.InvariantCulture), type); break;
                case NpgsqlDbType.Double: copy.Write(Convert.ToDouble(value, CultureInfo.InvariantCulture), type); break;
                case NpgsqlDbType.Real: copy.Write(Convert.ToSingle(value, CultureInfo.InvariantCulture), type); break;
                case NpgsqlDbType.Boolean: copy.Write(Convert.ToBoolean(value, CultureInfo.InvariantCulture), type); break;
                case NpgsqlDbType.Numeric: copy.Write(Convert.ToDecimal(value, CultureInfo.InvariantCulture), type); break;
                case NpgsqlDbType.Uuid: copy.Write(value is Guid g ? g : Guid.Parse((string)value), type); break;
                case NpgsqlDbType.TimestampTz: copy.Write(DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc), type); break;
                default: copy.Write(Convert.ToString(value, CultureInfo.InvariantCulture)!, type); break;
            }
        }
    }
}
