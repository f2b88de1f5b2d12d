using System.Data.Common;
using System.Globalization;
using System.Text;
using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// PostgreSQL's import path: rows stream by binary COPY into a staging table private to the import's transaction and
/// are merged into the table by one set-based <c>INSERT … SELECT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT FROM</c>,
/// whose RETURNING rows are exactly the inserted and changed ones (they count as changes and get their outbox rows in
/// the same statement). The staleness triggers are statement-level with transition tables, so they stay on and list
/// the months of the whole merge at once; indexes stay too (dropping one would lock readers out until the commit).
/// A killed import leaves nothing: the server rolls the open transaction and the temporary table back.
/// </summary>
internal sealed class PostgreSqlImportStore(NpgsqlConnection connection) : ImportStore
{
    private readonly NpgsqlTransaction transaction = connection.BeginTransaction();

    public override DbConnection Connection => connection;

    public override DbTransaction Transaction => transaction;

    public override IBulkLoad SetAside(string table, bool includeUnique, ISqlDialect sql) => NothingSetAside.Instance;

    public override IRowWriter Writer(IEntityType entity, IReadOnlyList<string> properties, string? searchType, DateTimeOffset recordedAt, bool insertOnly) =>
        new CopyMergeWriter(connection, transaction, entity, Properties(entity, properties), searchType, recordedAt, insertOnly);

    public override void Dispose() => transaction.Dispose();

    private sealed class NothingSetAside : IBulkLoad
    {
        public static NothingSetAside Instance { get; } = new();

        public void Restore()
        {
        }
    }

    private sealed class CopyMergeWriter : IRowWriter
    {
        private const string Staging = "kk_import_rows";
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlTransaction transaction;
        private readonly string table;
        private readonly string[] columns;
        private readonly NpgsqlDbType[] types;
        private readonly string? searchType;
        private readonly DateTimeOffset recordedAt;
        private readonly bool insertOnly;
        private NpgsqlBinaryImporter? copy;

        public CopyMergeWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, IEntityType entity, IReadOnlyList<IProperty> properties,
            string? searchType, DateTimeOffset recordedAt, bool insertOnly)
        {
            this.connection = connection;
            this.transaction = transaction;
            this.searchType = searchType;
            this.recordedAt = recordedAt.ToUniversalTime();
            this.insertOnly = insertOnly;
            table = Quote(entity.GetTableName()!);
            columns = [.. properties.Select(p => Quote(p.GetColumnName()))];
            types = [.. properties.Select(p => TypeOf(p.GetColumnType()))];
        }

        public long Changed { get; private set; }

        public void Add(object?[] values)
        {
            copy ??= BeginCopy();
            copy.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    copy.WriteNull();
                }
                else
                {
                    Write(copy, values[i]!, types[i]);
                }
            }
        }

        public void Flush()
        {
            if (copy is null)
            {
                return;
            }

            copy.Complete();
            copy.Dispose();
            copy = null;
            using var merge = new NpgsqlCommand(MergeSql(), connection, transaction);
            if (searchType is not null)
            {
                merge.Parameters.AddWithValue("type", searchType);
                merge.Parameters.AddWithValue("at", recordedAt);
            }

            Changed += Convert.ToInt64(merge.ExecuteScalar(), CultureInfo.InvariantCulture);
            using var clear = new NpgsqlCommand($"TRUNCATE {Staging}", connection, transaction);
            clear.ExecuteNonQuery();
        }

        public void Dispose() => copy?.Dispose();

        private NpgsqlBinaryImporter BeginCopy()
        {
            var list = string.Join(", ", columns);
            using (var create = new NpgsqlCommand($"""
                CREATE TEMPORARY TABLE IF NOT EXISTS {Staging} ON COMMIT DROP AS SELECT {list} FROM {table} WITH NO DATA;
                TRUNCATE {Staging};
                """, connection, transaction))
            {
                create.ExecuteNonQuery();
            }

            return connection.BeginBinaryImport($"COPY {Staging} ({list}) FROM STDIN (FORMAT BINARY)");
        }

        private string MergeSql()
        {
            var list = string.Join(", ", columns);
            var sql = new StringBuilder("WITH merged AS (")
                .Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} AS t ({list}) SELECT {list} FROM {Staging}");
            var rest = columns.Skip(1).ToList();
            if (!insertOnly)
            {
                sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({columns[0]}) ");
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
            }

            sql.Append(CultureInfo.InvariantCulture, $" RETURNING t.{columns[0]} AS key)");
            if (searchType is not null)
            {
                // Raw SQL bypasses SaveChanges, so the outbox rows the DbContext would add are written here, keyed by the
                // external id as the entities' SearchDocumentKey is.
                sql.Append(""", outbox AS (INSERT INTO "SearchOutbox" ("DocumentType", "DocumentKey", "Deleted", "RecordedAt") """)
                    .Append("SELECT @type, key::text, false, @at FROM merged)");
            }

            return sql.Append(" SELECT COUNT(*) FROM merged").ToString();
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

        // The mappers produce the values SQLite stores (text, 64-bit integers, doubles, flags, UTC dates); each goes in
        // as the exact binary type of its column.
        private static void Write(NpgsqlBinaryImporter copy, object value, NpgsqlDbType type)
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
