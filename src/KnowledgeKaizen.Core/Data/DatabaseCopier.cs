using System.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace KnowledgeKaizen.Core.Data;

/// <summary>Rows of one table in the source and in the target after a copy.</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows);

/// <summary>The outcome of <see cref="DatabaseCopier"/>: null <see cref="Refusal"/> when the copy ran.</summary>
public sealed record CopyReport(IReadOnlyList<CopiedTable> Tables, string? Refusal, TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.TargetRows);

    public bool Verified => Refusal is null && Tables.All(t => t.SourceRows == t.TargetRows);
}

/// <summary>
/// Copies every table of the model (users and password hashes, documents and revisions, CRM data, jobs, findings…) from
/// one database into an empty PostgreSQL database migrated to the same model, and counts the rows of each table on both
/// sides. Values travel through the model: each is read as the source stores it, turned into the model's value by the
/// source's converters and written by binary COPY as the target stores it (SQLite's ISO text dates become timestamptz,
/// its 64-bit DateTimeOffsets too, its JSON arrays text[]). The source is read in one transaction (one snapshot) and
/// the target written in one, so a failure leaves the target empty. The monthly aggregates are not copied: the target
/// starts with them stale and the portal rebuilds them on its first start.
/// </summary>
public static class DatabaseCopier
{
    private static readonly HashSet<string> SchemaBookkeeping = new(StringComparer.Ordinal) { "__EFMigrationsHistory", "MetricFactsState" };

    public static async Task<CopyReport> CopyAsync(KnowledgeKaizenDbContext source, KnowledgeKaizenDbContext target, Action<string>? log = null,
        CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (await NonEmptyTableAsync(target, ct) is { } found)
        {
            return new CopyReport([], $"The target database is not empty: table \"{found.Table}\" has {found.Rows} rows. Copy into an empty database.", clock.Elapsed);
        }

        await target.Database.MigrateAsync(ct);
        await source.Database.OpenConnectionAsync(ct);
        await target.Database.OpenConnectionAsync(ct);
        try
        {
            var reading = await source.Database.GetDbConnection().BeginTransactionAsync(ct);
            await using var _ = reading;
            var targetConnection = (NpgsqlConnection)target.Database.GetDbConnection();
            await using var writing = await targetConnection.BeginTransactionAsync(ct);
            var copied = new List<CopiedTable>();
            foreach (var table in InDependencyOrder(target.Model.GetRelationalModel().Tables))
            {
                var plan = Plan(table, source.Model.GetRelationalModel());
                var rows = await CopyTableAsync(plan, source.Database.GetDbConnection(), reading, targetConnection, ct);
                await ResetIdentityAsync(table, targetConnection, writing, ct);
                var inTarget = await CountAsync(targetConnection, writing, table.Name, ct);
                copied.Add(new CopiedTable(table.Name, await CountAsync(source.Database.GetDbConnection(), reading, table.Name, ct), inTarget));
                log?.Invoke($"{table.Name}: {rows:N0} rows");
            }

            if (copied.All(t => t.SourceRows == t.TargetRows))
            {
                await writing.CommitAsync(ct);
            }

            return new CopyReport(copied, null, clock.Elapsed);
        }
        finally
        {
            await source.Database.CloseConnectionAsync();
            await target.Database.CloseConnectionAsync();
        }
    }

    private sealed record ColumnPlan(string Name, string StoreType, Type SourceType, Func<object, object>? FromSource, Func<object, object>? ToTarget);

    private sealed record TablePlan(string Table, IReadOnlyList<ColumnPlan> Columns);

    /// <summary>How each column's value goes from the source's storage to the model's value to the target's storage.</summary>
    private static TablePlan Plan(ITable table, IRelationalModel sourceModel)
    {
        // Matched by table and column (the same model on both sides), which also covers complex and owned types.
        var sourceTable = sourceModel.FindTable(table.Name, table.Schema)
            ?? throw new InvalidOperationException($"The source has no table {table.Name}.");
        var columns = new List<ColumnPlan>();
        foreach (var column in table.Columns)
        {
            var property = column.PropertyMappings.First().Property;
            var sourceProperty = sourceTable.FindColumn(column.Name)?.PropertyMappings.First().Property
                ?? throw new InvalidOperationException($"The source has no column {table.Name}.{column.Name}.");
            var sourceConverter = sourceProperty.GetTypeMapping().Converter;
            var targetConverter = property.GetTypeMapping().Converter;
            var sourceType = Nullable.GetUnderlyingType(sourceConverter?.ProviderClrType ?? sourceProperty.ClrType) ?? sourceConverter?.ProviderClrType ?? sourceProperty.ClrType;
            columns.Add(new ColumnPlan(column.Name, column.StoreType, sourceType,
                sourceConverter is null ? null : v => sourceConverter.ConvertFromProvider(v)!,
                targetConverter is null ? null : v => targetConverter.ConvertToProvider(v)!));
        }

        return new TablePlan(table.Name, columns);
    }

    private static async Task<long> CopyTableAsync(TablePlan plan, DbConnection source, DbTransaction reading, NpgsqlConnection target, CancellationToken ct)
    {
        var list = string.Join(", ", plan.Columns.Select(c => Quote(c.Name)));
        await using var select = source.CreateCommand();
        select.Transaction = reading;
        select.CommandText = $"SELECT {list} FROM {Quote(plan.Table)}";
        await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        await using var copy = await target.BeginBinaryImportAsync($"COPY {Quote(plan.Table)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await copy.StartRowAsync(ct);
            for (var i = 0; i < plan.Columns.Count; i++)
            {
                var column = plan.Columns[i];
                if (await reader.IsDBNullAsync(i, ct))
                {
                    await copy.WriteNullAsync(ct);
                    continue;
                }

                var value = Read(reader, i, column.SourceType);
                value = column.FromSource is null ? value : column.FromSource(value);
                value = column.ToTarget is null ? value : column.ToTarget(value);
                await copy.WriteAsync(Utc(value), column.StoreType, ct);
            }

            rows++;
        }

        await copy.CompleteAsync(ct);
        return rows;
    }

    private static object Read(DbDataReader reader, int i, Type type) => type switch
    {
        _ when type == typeof(DateTime) => reader.GetDateTime(i),
        _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(i),
        _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(i),
        _ when type == typeof(TimeOnly) => reader.GetFieldValue<TimeOnly>(i),
        _ when type == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(i),
        _ when type.IsEnum => Enum.ToObject(type, reader.GetInt64(i)),
        _ when type == typeof(Guid) => reader.GetGuid(i),
        _ when type == typeof(bool) => reader.GetBoolean(i),
        _ when type == typeof(decimal) => reader.GetDecimal(i),
        _ when type == typeof(string) => reader.GetString(i),
        _ when type == typeof(byte[]) => reader.GetFieldValue<byte[]>(i),
        _ when type.IsPrimitive => Convert.ChangeType(reader.GetValue(i), type, CultureInfo.InvariantCulture),
        _ => reader.GetValue(i),
    };

    // SQLite hands dates back without a kind; the portal stores UTC, which timestamptz requires to be said.
    private static object Utc(object value) => value switch
    {
        DateTime date => DateTime.SpecifyKind(date, DateTimeKind.Utc),
        DateTimeOffset instant => instant.ToUniversalTime(),
        _ => value,
    };

    /// <summary>Identity columns got explicit values: their sequences move past them so new rows get new ids.</summary>
    private static async Task ResetIdentityAsync(ITable table, NpgsqlConnection target, NpgsqlTransaction writing, CancellationToken ct)
    {
        foreach (var column in table.Columns.Where(c => c.PropertyMappings.Any(m => m.Property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd
            && m.Property.IsPrimaryKey() && m.Property.ClrType is var t && (t == typeof(int) || t == typeof(long)))))
        {
            await using var reset = new NpgsqlCommand($"""
                SELECT setval(pg_get_serial_sequence(@table, @column), GREATEST(MAX({Quote(column.Name)}), 1), MAX({Quote(column.Name)}) IS NOT NULL)
                FROM {Quote(table.Name)} HAVING pg_get_serial_sequence(@table, @column) IS NOT NULL
                """, target, writing);
            reset.Parameters.AddWithValue("table", Quote(table.Name));
            reset.Parameters.AddWithValue("column", column.Name);
            await reset.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The first table of the target's schema that holds rows (other than the schema's own bookkeeping), if any.</summary>
    private static async Task<(string Table, long Rows)?> NonEmptyTableAsync(KnowledgeKaizenDbContext target, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await target.Database.OpenConnectionAsync(ct);
        try
        {
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename", connection))
            await using (var reader = await list.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            // Quartz's tables (qrtz_*) are the job cluster's bookkeeping: an instance started on the target fills them.
            foreach (var table in tables.Where(t => !SchemaBookkeeping.Contains(t) && !t.StartsWith("qrtz_", StringComparison.Ordinal)))
            {
                if (await CountAsync(connection, null, table, ct) is > 0 and var rows)
                {
                    return (table, rows);
                }
            }

            return null;
        }
        finally
        {
            await target.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Principal tables before the tables that refer to them.</summary>
    private static List<ITable> InDependencyOrder(IEnumerable<ITable> tables)
    {
        var all = tables.ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < all.Count)
        {
            var ready = all.Where(t => !placed.Contains(t.Name)
                && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The tables' foreign keys form a cycle: " + string.Join(", ", all.Where(t => !placed.Contains(t.Name)).Select(t => t.Name)));
            }

            foreach (var table in ready.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                ordered.Add(table);
                placed.Add(table.Name);
            }
        }

        return ordered;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
