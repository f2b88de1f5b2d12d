using System.Diagnostics;
using System.Threading.Channels;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The one path every import takes (upload page, API, command line, demo data), in two phases:
/// <list type="number">
/// <item>Reading: stream the file row by row (through its mapping, for a file in another layout) → map and validate each
/// row → stage the valid ones beside the portal's tables (<see cref="ImportStaging"/>). Nothing in the portal's tables is
/// written or locked. Then the decision: by
/// its mode and problems the file is applied or not; a dry run counts what applying would do and stops.</item>
/// <item>Applying: on SQLite (one writer at a time) the staged rows are upserted in short transactions (about
/// <see cref="BatchTarget"/> each), each taking its turn with the portal's saves (<see cref="WriteTurns"/>), so other
/// writes wait one batch at most.
/// Once begun, such an apply completes — after a crash it resumes from the staged rows — so no import ends half-applied.
/// On PostgreSQL, whose writers do not block each other, the apply is one transaction.</item>
/// </list>
/// Either way the caller's record of the import commits in the transaction of the last applied rows.
/// </summary>
public sealed partial class ImportPipeline(KnowledgeKaizenDbContext db, IEnumerable<IImportAppliedHook>? hooks = null, TimeProvider? clock = null,
    WriteTurns? turns = null, ImportHold? hold = null)
{
    /// <summary>Rows in the first apply batch; later batches are sized to take about <see cref="BatchTarget"/>.</summary>
    public const int FirstBatchRows = 1000;

    private const int MinBatchRows = 100;
    private const int MaxBatchRows = 200_000;
    private const int ProgressEvery = 4096;

    /// <summary>After this many rows, the share of the file they took predicts the row count.</summary>
    private const int SizingSample = 1024;

    /// <summary>How long one apply batch holds the write lock, about, while no other writer waits for it.</summary>
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long one apply batch holds the write lock, about, while other writers wait: every save queued behind a batch
    /// waits for the rest of it, so under load the import goes in smaller steps (longer in all, the saves quicker).
    /// </summary>
    private static readonly TimeSpan BatchTargetWhileOthersWait = TimeSpan.FromMilliseconds(25);

    private TimeProvider Clock => clock ?? TimeProvider.System;

    /// <summary>
    /// Reads, checks and (when its mode allows) applies a file, for callers that keep no history entry (tests,
    /// benchmarks). Never throws for bad input: every problem ends up in the report.
    /// </summary>
    /// <param name="file">The file, read once from its current position; disposed when done.</param>
    /// <param name="request">Kind, format, mode and whether it is a dry run.</param>
    /// <param name="progress">Called now and then with the phase, its fraction done and the rows so far.</param>
    /// <param name="ct">Cancels the import: while reading, nothing is kept; while applying, the rows of committed batches are.</param>
    public async Task<ImportReport> RunAsync(Stream file, ImportRequest request, Func<ImportPhase, double, long, Task>? progress = null,
        CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        ImportReport report;
        await using (var staged = await StageAsync(file, request, null, progress, ct))
        {
            report = staged.Report;
            if (report.Applied)
            {
                await ApplyAsync(staged, 0, (batch, _) =>
                {
                    (report.Inserted, report.Updated, report.Unchanged) =
                        (report.Inserted + batch.Inserted, report.Updated + batch.Updated, report.Unchanged + batch.Unchanged);
                    return Task.CompletedTask;
                }, progress, ct);
            }
        }

        if (report.Applied)
        {
            await AfterApplyAsync(ct);
        }

        report.Seconds = watch.Elapsed.TotalSeconds;
        return report;
    }

    /// <summary>
    /// Reads and checks the file and stages its valid rows in <paramref name="stagingPath"/> (null: a temporary file),
    /// synced to disk when they are to be applied. Decides <see cref="ImportReport.Applied"/>; when the file is not
    /// applied, counts what applying would have done. The caller applies (or not) and disposes the result.
    /// </summary>
    internal async Task<StagedImport> StageAsync(Stream file, ImportRequest request, string? stagingPath,
        Func<ImportPhase, double, long, Task>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var mapper = RowMapper.For(request.Kind);
        var report = new ImportReport { Kind = request.Kind, Mode = request.Mode, DryRun = request.DryRun };
        using var source = request.Mapping?.Open(file, request.Format, mapper.Columns, report) ?? RowSource.Open(file, request.Format, mapper.Columns);
        var staging = await AttachAsync(stagingPath, mapper, ct);
        try
        {
            staging.Create();
            try
            {
                foreach (var problem in await source.OpenAsync(report.Warnings, ct))
                {
                    report.AddProblem(0, null, problem);
                }

                if (!report.HasFileProblem)
                {
                    await ReadRowsAsync(source, mapper, report, staging, request.DateShift, progress, ct);
                }
            }
            catch (DecoderFallbackException)
            {
                report.AddProblem(0, null, ImportMessages.Format(ImportMessages.FileNotUtf8, source.Line + 1));
            }
            catch (JsonException ex)
            {
                report.AddProblem(0, null, ImportMessages.Format(ImportMessages.JsonMalformed, source.Line + 1, ex.Message));
            }
            catch (CsvHelper.CsvFormatException ex)
            {
                report.AddProblem(0, null, ImportMessages.Format(ImportMessages.CsvUnreadable, source.Line + 1, ex.Message.Split('\n')[0]));
            }

            var staged = staging.Count();
            report.Applied = !request.DryRun && !report.HasFileProblem && report.Rows > report.Rejected
                && (request.Mode == ImportMode.ValidRowsOnly || report.TotalProblems == 0);
            if (report.Applied)
            {
                staging.Persist();
            }
            else if (request.DryRun)
            {
                // What a commit would do, read against the database as it is now (nothing is locked). A rejected file
                // keeps its counts at zero: they say what was written.
                var (inserted, changed) = staging.Compare(null, 0, staged);
                (report.Inserted, report.Updated, report.Unchanged) = (inserted, changed - inserted, staged - changed);
            }

            report.Seconds = watch.Elapsed.TotalSeconds;
            return new StagedImport(db, staging, report, staged);
        }
        catch
        {
            await DetachAsync(staging);
            throw;
        }
    }

    /// <summary>Opens the staged rows an interrupted apply left in <paramref name="stagingPath"/>, to resume it.</summary>
    internal async Task<StagedImport> ReopenAsync(string stagingPath, ImportReport report, CancellationToken ct)
    {
        var staging = await AttachAsync(stagingPath, RowMapper.For(report.Kind), ct);
        try
        {
            return new StagedImport(db, staging, report, staging.Count());
        }
        catch
        {
            await DetachAsync(staging);
            throw;
        }
    }

    private async Task<ImportStaging> AttachAsync(string? stagingPath, RowMapper mapper, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return ImportStaging.Attach(db.Database.GetDbConnection(), stagingPath,
                db.Model.FindEntityType(mapper.Entity)!, mapper.Properties, mapper.SearchType);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    private async Task DetachAsync(ImportStaging staging)
    {
        try
        {
            staging.Dispose();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ReadRowsAsync(RowSource source, RowMapper mapper, ImportReport report, ImportStaging staging, TimeSpan dateShift,
        Func<ImportPhase, double, long, Task>? progress, CancellationToken ct)
    {
        var references = new ReferenceCache(db.Database.GetDbConnection());
        references.LoadAll();

        // Staging writes only the staged rows: the portal's tables stay unlocked.
        using var writer = staging.Writer();

        // Two stages on two threads: this one reads and validates, the writer stages. From here until the writer
        // finishes, only the writer touches the connection.
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

                writer.Complete();
            }
            catch (Exception ex)
            {
                chunks.Writer.TryComplete(ex);
                throw;
            }
        }, CancellationToken.None);

        try
        {
            await ValidateAsync(source, mapper, report, references, dateShift, chunks.Writer, progress, ct);
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
        if (progress is not null)
        {
            await progress(ImportPhase.Reading, 1, report.Rows);
        }

        if (report.Rows == 0)
        {
            report.AddProblem(0, null, ImportMessages.HeaderOnly);
        }
    }

    /// <summary>Maps and validates every row; valid ones go to the writer in chunks.</summary>
    private async Task ValidateAsync(RowSource source, RowMapper mapper, ImportReport report, ReferenceCache references, TimeSpan dateShift,
        ChannelWriter<object?[][]> output, Func<ImportPhase, double, long, Task>? progress, CancellationToken ct)
    {
        const int ChunkRows = 512;
        var row = new RowContext(source, mapper.Columns, report, references, dateShift);
        var values = new object?[mapper.Properties.Count];
        var chunk = new List<object?[]>(ChunkRows);
        var firstChunk = true;

        var seen = new FirstLines();
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
                foreach (var more in source.MoreRecordProblems)
                {
                    row.Problem(more.Column, more.Reason);
                }
            }
            else
            {
                mapper.Map(row, values);
                if (values[0] is string key && !seen.TryAdd(key, source.Line, out var firstLine))
                {
                    row.Problem(0, ImportMessages.Format(ImportMessages.Duplicate, mapper.Columns[0].Name, key, firstLine));
                }
            }

            if (row.Failed)
            {
                report.Rejected++;
            }
            else
            {
                chunk.Add((object?[])values.Clone());
                if (chunk.Count == ChunkRows)
                {
                    await output.WriteAsync([.. chunk], ct);
                    chunk.Clear();
                    if (firstChunk && hold is not null)
                    {
                        firstChunk = false;
                        await hold.AtAsync(ImportPhase.Reading, ct);
                    }
                }
            }

            if (progress is not null && report.Rows % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                await progress(ImportPhase.Reading, source.Progress, report.Rows);
            }
        }

        if (chunk.Count > 0)
        {
            await output.WriteAsync([.. chunk], ct);
        }
    }
}
