using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The one path every import takes (upload page, API, command line, demo data): stream the file row by
/// row → map and validate each row → upsert the valid ones in ONE transaction → commit only if the mode
/// allows it. A dry run is the same work rolled back, so its preview is exactly what a commit would do. The
/// writing side is each database's own bulk path (<see cref="ImportStore"/>).
/// </summary>
public sealed class ImportPipeline(KnowledgeKaizenDbContext db, IEnumerable<IImportCommitHook>? hooks = null, TimeProvider? clock = null)
{
    private const int ProgressEvery = 4096;

    /// <summary>After this many rows, the share of the file they took predicts the row count.</summary>
    private const int SizingSample = 1024;

    /// <summary>
    /// Files larger than this load with secondary indexes rebuilt at the end (tests lower it); into an empty
    /// table, files from <see cref="BulkLoadSchema.EmptyTableBulkBytes"/> on do too.
    /// </summary>
    internal long BulkThresholdBytes { get; set; } = BulkLoadSchema.BulkBytes;

    /// <summary>Runs the import. Never throws for bad input: every problem ends up in the report.</summary>
    /// <param name="file">The file, read once from its current position; disposed when done.</param>
    /// <param name="request">Kind, format, mode and whether it is a dry run.</param>
    /// <param name="progress">Called now and then with the fraction of the file read and the rows so far; with 1 once
    /// every row is written and only the finishing work (index rebuild, commit hooks) is left.</param>
    /// <param name="ct">Cancels the import; nothing is kept.</param>
    public async Task<ImportReport> RunAsync(Stream file, ImportRequest request,
        Func<double, long, Task>? progress = null, CancellationToken ct = default)
    {
        var mapper = RowMapper.For(request.Kind);
        var report = new ImportReport { Kind = request.Kind, Mode = request.Mode, DryRun = request.DryRun };
        var clock = Stopwatch.StartNew();
        using var source = request.Mapping?.Open(file, request.Format, mapper.Columns, report) ?? RowSource.Open(file, request.Format, mapper.Columns);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var store = ImportStore.Begin(db.Database.GetDbConnection());
            try
            {
                foreach (var problem in await source.OpenAsync(report.Warnings, ct))
                {
                    report.AddProblem(0, null, problem);
                }

                if (!report.HasFileProblem)
                {
                    await ReadRowsAsync(source, mapper, report, store, request.DateShift, progress, ct);
                }
            }
            catch (DecoderFallbackException)
            {
                report.AddProblem(0, null, $"The file is not valid UTF-8 (near line {source.Line + 1}). Save it as UTF-8 and try again.");
            }
            catch (JsonException ex)
            {
                report.AddProblem(0, null, $"The JSON is malformed near record {source.Line + 1}: {ex.Message}");
            }
            catch (CsvHelper.CsvFormatException ex)
            {
                report.AddProblem(0, null, $"The CSV cannot be read near line {source.Line + 1}: {ex.Message.Split('\n')[0]}");
            }

            report.Applied = !request.DryRun && !report.HasFileProblem && report.Rows > report.Rejected
                && (request.Mode == ImportMode.ValidRowsOnly || report.TotalProblems == 0);
            if (report.Applied)
            {
                foreach (var hook in hooks ?? [])
                {
                    await hook.BeforeCommitAsync(store.Connection, store.Transaction, db.Sql, ct);
                }

                await store.Transaction.CommitAsync(ct);
            }
            else
            {
                await store.Transaction.RollbackAsync(ct);
                if (!request.DryRun)
                {
                    // Rejected: the rolled-back writes never happened, and the report says what was written — nothing.
                    report.Inserted = report.Updated = report.Unchanged = 0;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        report.Seconds = clock.Elapsed.TotalSeconds;
        return report;
    }

    private async Task ReadRowsAsync(RowSource source, RowMapper mapper, ImportReport report, ImportStore store, TimeSpan dateShift,
        Func<double, long, Task>? progress, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(mapper.Entity)!;
        var before = store.Count(entity);
        var threshold = before == 0 ? Math.Min(BulkThresholdBytes, BulkLoadSchema.EmptyTableBulkBytes) : BulkThresholdBytes;
        var bulk = source.Length > threshold ? store.SetAside(entity.GetTableName()!, includeUnique: before == 0, db.Sql) : null;
        using var writer = store.Writer(entity, mapper.Properties, mapper.SearchType,
            (clock ?? TimeProvider.System).GetUtcNow(), insertOnly: bulk is not null && before == 0);
        var references = new ReferenceCache(store.Connection, store.Transaction);
        references.LoadAll();

        // Two stages on two threads: this one reads and validates, the writer inserts. From here until the
        // writer finishes, only the writer touches the connection.
        var chunks = Channel.CreateBounded<object?[][]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var writing = Task.Run(async () =>
        {
            try
            {
                await foreach (var chunk in chunks.Reader.ReadAllAsync(CancellationToken.None))
                {
                    foreach (var values in chunk)
                    {
                        writer.Add(values);
                    }
                }

                writer.Flush();
            }
            catch (Exception ex)
            {
                chunks.Writer.TryComplete(ex);
                throw;
            }
        }, CancellationToken.None);

        long valid;
        try
        {
            valid = await ValidateAsync(source, mapper, report, references, dateShift, chunks.Writer, progress, ct);
            chunks.Writer.TryComplete();
        }
        catch (Exception ex) when (ex is not ChannelClosedException)
        {
            chunks.Writer.TryComplete();
            await writing.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        catch (ChannelClosedException)
        {
            await writing;
            throw;
        }

        await writing;

        // Every row is read and written; what is left (index rebuild, commit hooks) is reported as the whole file.
        if (progress is not null)
        {
            await progress(1, report.Rows);
        }

        if (report.Rows == 0)
        {
            report.AddProblem(0, null, "The file has a header but no data rows.");
        }

        bulk?.Restore();
        report.Inserted = store.Count(entity) - before;
        report.Updated = writer.Changed - report.Inserted;
        report.Unchanged = valid - writer.Changed;
    }

    /// <summary>Maps and validates every row; valid ones go to the writer in chunks. Returns how many were valid.</summary>
    private static async Task<long> ValidateAsync(RowSource source, RowMapper mapper, ImportReport report, ReferenceCache references, TimeSpan dateShift,
        ChannelWriter<object?[][]> output, Func<double, long, Task>? progress, CancellationToken ct)
    {
        const int ChunkRows = 512;
        var row = new RowContext(source, mapper.Columns, report, references, dateShift);
        var values = new object?[mapper.Properties.Count];
        var chunk = new List<object?[]>(ChunkRows);

        var seen = new FirstLines();
        long valid = 0;
        while (await source.ReadAsync(ct))
        {
            report.Rows++;
            if (report.Rows == SizingSample && source.Progress > 0)
            {
                seen.EnsureCapacity((long)(report.Rows / source.Progress * 1.05));
            }

            row.Begin();
            if (source.RecordProblem is { } shape)
            {
                row.Problem(source.RecordProblemColumn, shape);
            }
            else
            {
                mapper.Map(row, values);
                if (values[0] is string key && !seen.TryAdd(key, source.Line, out var firstLine))
                {
                    row.Problem(0, $"Duplicate {mapper.Columns[0].Name} '{key}': already on line {firstLine}.");
                }
            }

            if (row.Failed)
            {
                report.Rejected++;
            }
            else
            {
                chunk.Add((object?[])values.Clone());
                valid++;
                if (chunk.Count == ChunkRows)
                {
                    await output.WriteAsync([.. chunk], ct);
                    chunk.Clear();
                }
            }

            if (progress is not null && report.Rows % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                await progress(source.Progress, report.Rows);
            }
        }

        if (chunk.Count > 0)
        {
            await output.WriteAsync([.. chunk], ct);
        }

        return valid;
    }
}
