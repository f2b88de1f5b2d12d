using KnowledgeKaizen.Core.Ingestion.Mapping;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Runs imports for every entry point: stores the file, records it in the history, runs the one
/// <see cref="ImportPipeline"/> (now or as a background job) and keeps the record true at every step: the decision to
/// apply commits before any row is applied, each batch's counts commit with its rows, and the outcome with the last
/// batch. A crash at any point leaves a record that says what happened, and the next start finishes the rest
/// (<see cref="ImportRecovery"/>). A file in another layout is imported through a mapping, kept beside the import
/// (<c>imports/&lt;id&gt;.mapping.json</c>, with its companion files) so a preview and its commit apply exactly the same mapping.
/// </summary>
public sealed class ImportService(KnowledgeKaizenDbContext db, ImportPipeline pipeline, IFileStore files, IJobQueue jobs, TimeProvider clock,
    DataFolder folder, ImportLocks locks, ImportHold hold, MappingBinder binder)
{
    /// <summary>The job kind the import handler runs.</summary>
    public const string JobKind = "import";

    /// <summary>Where incoming files are kept in the file store.</summary>
    public const string FilesFolder = "imports";

    /// <summary>
    /// Keeps an incoming file in the file store's imports, stopping at <paramref name="maxBytes"/> (so an oversize
    /// upload never fills the store). Returns the record, queued and held by this process until it runs or is queued
    /// as a job.
    /// </summary>
    /// <exception cref="FileTooLargeException">The content is larger than the limit.</exception>
    /// <remarks>For a file in another layout, <c>mapping</c> is the mapping and its companion files (already stored).</remarks>
    public async Task<ImportRecord> ReceiveAsync(Stream content, string fileName, ImportKind kind, ImportMode mode, bool dryRun,
        ImportSource source, string? requestedBy, long maxBytes, CancellationToken ct = default, AppliedMapping? mapping = null)
    {
        // The file is named after its record, so a file whose record never got saved (a crash in between) is recognised.
        var id = Guid.NewGuid();
        locks.TryHold(id);
        try
        {
            var stored = await StoreAsync(id, content, fileName, maxBytes, ct);
            return await RecordAsync(id, kind, stored, fileName, mode, dryRun, source, requestedBy, mapping, ct);
        }
        catch
        {
            locks.Release(id);
            throw;
        }
    }

    /// <summary>
    /// Keeps a file in the file store's imports, stopping at <paramref name="maxBytes"/>, and returns where: a file waiting
    /// for its mapping, or a companion file of one (named by the mapping kept beside the import that reads it).
    /// </summary>
    /// <exception cref="FileTooLargeException">The content is larger than the limit.</exception>
    public Task<string> StoreAsync(Stream content, string fileName, long maxBytes, CancellationToken ct = default) =>
        StoreAsync(Guid.NewGuid(), content, fileName, maxBytes, ct);

    /// <summary>Records another import of a stored file (a commit after a preview reads the file the preview checked).</summary>
    public async Task<ImportRecord> RecordAsync(ImportKind kind, string storedFile, string fileName, ImportMode mode, bool dryRun,
        ImportSource source, string? requestedBy, CancellationToken ct = default, AppliedMapping? mapping = null)
    {
        var id = Guid.NewGuid();
        locks.TryHold(id);
        try
        {
            return await RecordAsync(id, kind, storedFile, fileName, mode, dryRun, source, requestedBy, mapping, ct);
        }
        catch
        {
            locks.Release(id);
            throw;
        }
    }

    /// <summary>The mapping an import applies, as kept beside it; null for a file in the portal's own layout.</summary>
    public async Task<AppliedMapping?> MappingOfAsync(ImportRecord record, CancellationToken ct = default) => await MappingOfAsync(record.Id, ct);

    /// <summary>Whether the record's file (and its companion files) are still kept, so it can be imported again (e.g. committed after a preview).</summary>
    public async Task<bool> HasFileAsync(ImportRecord record, CancellationToken ct = default)
    {
        if (record.StoredFile is not { } stored || await files.LengthAsync(stored, ct) is null)
        {
            return false;
        }

        foreach (var companion in (await MappingOfAsync(record, ct))?.Companions ?? [])
        {
            if (await files.LengthAsync(companion.StoredFile, ct) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Binds a mapping to its stored companion files and the portal's data, for an import or a preview.</summary>
    public async Task<MappedImport> BindMappingAsync(AppliedMapping applied, CancellationToken ct = default)
    {
        var companions = new Dictionary<string, CompanionContent>(StringComparer.OrdinalIgnoreCase);
        foreach (var companion in applied.Companions)
        {
            if (await files.OpenReadAsync(companion.StoredFile, ct) is { } content)
            {
                companions[companion.Name] = new CompanionContent(companion.FileName, content);
            }
        }

        return await binder.BindAsync(applied.Mapping, companions, ct);
    }

    /// <summary>Queues the import as a background job; poll the job (or <see cref="ImportProgress"/>) for progress.</summary>
    public async Task<BackgroundJob> EnqueueAsync(ImportRecord record, string? userId, CancellationToken ct = default)
    {
        var job = await jobs.EnqueueAsync(JobKind, record.Id.ToString(), userId, ct);
        record.AttachJob(job.Id);
        await db.SaveChangesAsync(ct);

        // From here the job row stands for it: the worker runs it, and resumes it after a restart.
        locks.Release(record.Id);
        return job;
    }

    /// <summary>
    /// Runs a recorded import now: reads and stages the file, commits the decision, applies the rows in batches (the
    /// outcome commits with the last one), then refreshes what follows an import.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another process is running this import.</exception>
    public Task<ImportReport> RunAsync(Guid importId, Func<ImportPhase, double, long, Task>? progress = null, CancellationToken ct = default) =>
        RunAsync(importId, TimeSpan.Zero, progress, ct);

    /// <summary>Runs the import with every date in the file moved by <paramref name="dateShift"/> (the demo data's load).</summary>
    /// <exception cref="InvalidOperationException">Another process is running this import.</exception>
    public async Task<ImportReport> RunAsync(Guid importId, TimeSpan dateShift, Func<ImportPhase, double, long, Task>? progress = null,
        CancellationToken ct = default)
    {
        if (!locks.TryHold(importId))
        {
            throw new InvalidOperationException($"Import {importId} is being run by another process.");
        }

        try
        {
            var record = await db.Imports.SingleAsync(r => r.Id == importId, ct);
            if (await RunAgainAsync(record, ct) is { } finished)
            {
                return finished;
            }

            await hold.AtAsync(ImportPhase.Received, ct);
            record.Start();
            await db.SaveChangesAsync(ct);
            return await ReadAndApplyAsync(record, dateShift, progress, ct);
        }
        finally
        {
            locks.Release(importId);
        }
    }

    /// <summary>
    /// An import asked to run that is not queued: its job is being run again because the instance running it died (the lock
    /// this process holds says no live process handles it). Finished: its report stands (a failure is thrown again).
    /// Interrupted with nothing applied: back to queued, to be read again from its file; null then, and for a queued one.
    /// </summary>
    private async Task<ImportReport?> RunAgainAsync(ImportRecord record, CancellationToken ct)
    {
        if (record.Status == ImportStatus.Queued)
        {
            return null;
        }

        if (record.IsFinished)
        {
            return record.Status == ImportStatus.Failed
                ? throw new InvalidOperationException(record.Message ?? ImportMessages.InterruptedBeforeStart)
                : record.Report;
        }

        record.Requeue();
        await db.SaveChangesAsync(ct);
        File.Delete(StagingPath(record.Id));
        return null;
    }

    /// <summary>
    /// Finishes an import a crash or a stop left applying, from its staged rows; called at start-up for imports no live
    /// process holds. When the staged rows are gone the record says how far it got.
    /// </summary>
    internal async Task ResumeAsync(ImportRecord record, CancellationToken ct)
    {
        var staging = StagingPath(record.Id);
        if (!File.Exists(staging))
        {
            if (record.AppliedRows == 0)
            {
                // On PostgreSQL the rows are staged for the length of the apply's one transaction, which the server rolled back.
                record.Fail(db.Database.IsSqlite()
                    ? ImportMessages.InterruptedStagedGone
                    : ImportMessages.InterruptedRolledBack, clock.GetUtcNow());
            }
            else
            {
                record.PauseApply(ImportMessages.Format(ImportMessages.StagedGone, record.AppliedRows));
            }

            await db.SaveChangesAsync(ct);
            return;
        }

        await using (var staged = await pipeline.ReopenAsync(staging, record.Report!, ct))
        {
            await ApplyAsync(record, staged, null, ct);
        }

        File.Delete(staging);
        await pipeline.AfterApplyAsync(ct);
    }

    public Task<ImportRecord?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Imports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public Task<ImportRecord?> FindByJobAsync(Guid jobId, CancellationToken ct = default) =>
        db.Imports.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId, ct);

    /// <summary>The most recent imports first.</summary>
    public async Task<IReadOnlyList<ImportRecord>> HistoryAsync(int take, CancellationToken ct = default) =>
        await db.Imports.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);

    /// <summary>Where an import's rows are staged while it is read and applied.</summary>
    internal string StagingPath(Guid importId) => Path.Combine(folder.Staging, $"{importId:N}.db");

    /// <summary>Where the mapping an import applies is kept beside it.</summary>
    internal static string MappingPathOf(Guid importId) => $"{FilesFolder}/{importId:N}.mapping.json";

    /// <summary>The mapping kept beside an import; null for a file in the portal's own layout.</summary>
    internal async Task<AppliedMapping?> MappingOfAsync(Guid importId, CancellationToken ct)
    {
        await using var stream = await files.OpenReadAsync(MappingPathOf(importId), ct);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<AppliedMapping>(stream, MappingJson.Options, ct);
    }

    // Named "{time}-{id}", so a file whose record never got saved (a crash in between) is recognised.
    private async Task<string> StoreAsync(Guid id, Stream content, string fileName, long maxBytes, CancellationToken ct)
    {
        var stored = $"{FilesFolder}/{clock.GetUtcNow():yyyyMMddHHmmss}-{id:N}{SafeExtension(fileName)}";
        await using var limited = new LengthLimitedStream(content, maxBytes);
        await files.WriteAsync(stored, limited, ct);
        return stored;
    }

    private async Task<ImportRecord> RecordAsync(Guid id, ImportKind kind, string storedFile, string fileName, ImportMode mode, bool dryRun,
        ImportSource source, string? requestedBy, AppliedMapping? mapping, CancellationToken ct)
    {
        ImportFormat format;
        await using (var start = await OpenAsync(storedFile, ct))
        {
            format = ImportFormats.Detect(start, fileName);
        }

        var record = new ImportRecord(id, kind, format, mode, dryRun, source, fileName, storedFile,
            await files.LengthAsync(storedFile, ct) ?? 0, requestedBy, clock.GetUtcNow());
        if (mapping is not null)
        {
            if (mapping.Mapping.ImportKind != kind)
            {
                throw new ArgumentException(ImportMessages.Format(ImportMessages.MappingOfOtherKind, mapping.Mapping.Name, mapping.Mapping.Kind, kind.Slug()), nameof(mapping));
            }

            await using var json = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(mapping, MappingJson.Options)));
            await files.WriteAsync(MappingPathOf(id), json, ct);
        }

        db.Imports.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    private async Task<ImportReport> ReadAndApplyAsync(ImportRecord record, TimeSpan dateShift, Func<ImportPhase, double, long, Task>? progress,
        CancellationToken ct)
    {
        var staging = StagingPath(record.Id);
        StagedImport staged;
        try
        {
            var mapping = await MappingOfAsync(record, ct) is { } applied ? await BindMappingAsync(applied, ct) : null;
            await using var file = await OpenAsync(record.StoredFile!, ct);
            staged = await pipeline.StageAsync(file, new ImportRequest(record.Kind, record.Format, record.Mode, record.DryRun, dateShift, mapping),
                staging, progress, ct);
        }
        catch (Exception ex)
        {
            // Nothing was applied; the record says so instead of staying "running".
            record.Fail(ex is OperationCanceledException ? ImportMessages.Cancelled : ImportMessages.Format(ImportMessages.Failed, ex.Message), clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            File.Delete(staging);
            throw;
        }

        var report = staged.Report;
        await using (staged)
        {
            if (!report.Applied)
            {
                record.Complete(report, clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
            }
            else
            {
                // The decision: from this commit on the import completes, after a crash from the staged rows.
                record.BeginApply(report);
                await db.SaveChangesAsync(CancellationToken.None);
                await ApplyAsync(record, staged, progress, ct);
                await hold.AtAsync(ImportPhase.Applied, ct);
            }
        }

        File.Delete(staging);
        if (report.Applied)
        {
            if (progress is not null)
            {
                await progress(ImportPhase.Applied, 1, record.AppliedRows);
            }

            await pipeline.AfterApplyAsync(ct);
        }

        return record.Report!;
    }

    /// <summary>Applies the staged rows from where the record says it got to; each batch commits its counts, the last one the outcome.</summary>
    private async Task ApplyAsync(ImportRecord record, StagedImport staged, Func<ImportPhase, double, long, Task>? progress, CancellationToken ct)
    {
        var report = record.Report!;
        try
        {
            await pipeline.ApplyAsync(staged, record.AppliedRows, async (batch, last) =>
            {
                record.AddApplied(batch.Inserted, batch.Updated, batch.Unchanged);
                if (last)
                {
                    record.Complete(report, clock.GetUtcNow());
                }

                await db.SaveChangesAsync(CancellationToken.None);
            }, progress, ct);
        }
        catch (Exception ex)
        {
            // The failed batch rolled back: the record is read again as committed, then says where the apply stopped.
            await db.Entry(record).ReloadAsync(CancellationToken.None);
            record.PauseApply(ex is OperationCanceledException
                ? ImportMessages.Format(ImportMessages.Stopped, record.AppliedRows, staged.Count)
                : ImportMessages.Format(ImportMessages.StoppedByError, ex.Message, record.AppliedRows, staged.Count));
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<Stream> OpenAsync(string storedFile, CancellationToken ct) =>
        await files.OpenReadAsync(storedFile, ct) ?? throw new FileNotFoundException($"The import file {storedFile} is no longer kept.");

    private static string SafeExtension(string fileName) =>
        ImportKinds.FormatOf(fileName) is null ? ".dat" : Path.GetExtension(fileName).ToLowerInvariant();
}
