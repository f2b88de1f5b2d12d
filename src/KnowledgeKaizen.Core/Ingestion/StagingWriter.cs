using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Writes an import's valid rows into its staging table (<see cref="SqliteImportStaging"/>) in batches of prepared
/// <c>INSERT … VALUES (…), (…)</c>. Set-based SQL then applies them to the portal's table; EF change tracking would be
/// far too slow for a million rows.
/// </summary>
/// <remarks>
/// The statements run on the connection's own SQLite handle, inside its open transaction, with values bound by
/// position. Microsoft.Data.Sqlite's command layer matches parameters by name on every execution, which made
/// multi-row statements slower than single rows; bound by position, 32-row statements are about three times faster
/// (measured on 1M stage-history rows: 2.5 s → 0.8 s).
/// </remarks>
internal sealed class StagingWriter : IStagingWriter
{
    /// <summary>Rows per statement; the tail of a file goes one row at a time.</summary>
    private const int BatchRows = 32;

    private readonly SqliteTransaction transaction;
    private readonly sqlite3 handle;
    private readonly sqlite3_stmt batch;
    private readonly sqlite3_stmt single;
    private readonly object?[][] pending = new object?[BatchRows][];
    private int pendingRows;

    /// <param name="connection">The open connection the staging table is attached to; the writer's transaction is begun on it.</param>
    /// <param name="insertSql">The INSERT statement for a given number of rows.</param>
    public StagingWriter(SqliteConnection connection, Func<int, string> insertSql)
    {
        transaction = connection.BeginTransaction(deferred: true);
        handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        batch = Prepare(insertSql(BatchRows));
        single = Prepare(insertSql(1));
    }

    /// <summary>Rows written so far.</summary>
    public long Written { get; private set; }

    /// <summary>
    /// Writes a date as the text Microsoft.Data.Sqlite and EF Core store for a <see cref="DateTime"/>,
    /// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (the fraction without trailing zeros, and without the point when
    /// it is zero), so imported rows compare equal to rows saved through EF. By hand, into a buffer: the
    /// general formatter parses its pattern on every call, and a million rows carry two million dates.
    /// </summary>
    /// <returns>The number of characters written (19 to 27).</returns>
    internal static int WriteStoredText(DateTime value, Span<char> span)
    {
        Digits(span[..4], value.Year);
        span[4] = '-';
        Digits(span.Slice(5, 2), value.Month);
        span[7] = '-';
        Digits(span.Slice(8, 2), value.Day);
        span[10] = ' ';
        Digits(span.Slice(11, 2), value.Hour);
        span[13] = ':';
        Digits(span.Slice(14, 2), value.Minute);
        span[16] = ':';
        Digits(span.Slice(17, 2), value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        span[19] = '.';
        Digits(span.Slice(20, 7), fraction);
        var length = 27;
        while (span[length - 1] == '0')
        {
            length--;
        }

        return length;
    }

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Queues a row (kept until written: pass a copy); written when a batch is full or on <see cref="Complete"/>.</summary>
    public void Add(object?[] values)
    {
        pending[pendingRows++] = values;
        if (pendingRows == BatchRows)
        {
            Execute(batch, 0, BatchRows);
            pendingRows = 0;
        }
    }

    public void Complete()
    {
        Flush();
        transaction.Commit();
    }

    private void Flush()
    {
        for (var row = 0; row < pendingRows; row++)
        {
            Execute(single, row, 1);
        }

        Array.Clear(pending);
        pendingRows = 0;
    }

    private void Execute(sqlite3_stmt statement, int firstRow, int rows)
    {
        var parameter = 1;
        for (var row = firstRow; row < firstRow + rows; row++)
        {
            foreach (var value in pending[row])
            {
                Check(Bind(statement, parameter++, value));
            }
        }

        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }

        Written += rows;
    }

    // Texts are bound as UTF-16 spans (SQLite converts them), which spares a UTF-8 copy per value.
    private static int Bind(sqlite3_stmt statement, int index, object? value)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case string text:
                return raw.sqlite3_bind_text16(statement, index, text.AsSpan());
            case long number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case int number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case bool flag:
                return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
            case double number:
                return raw.sqlite3_bind_double(statement, index, number);
            case DateTime date:
                Span<char> buffer = stackalloc char[27];
                return raw.sqlite3_bind_text16(statement, index, buffer[..WriteStoredText(date, buffer)]);
            default:
                throw new InvalidOperationException($"No storage rule for a {value.GetType().Name}.");
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    public void Dispose()
    {
        batch.Dispose();
        single.Dispose();
        transaction.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement));
        return statement;
    }
}
