using System.Text;
using System.Text.Json;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Core.Ingestion.Mapping;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Runs imports for every entry point: stores the file, records it in the history, runs the one
/// <see cref="ImportPipeline"/> (now or as a background job) and keeps the outcome on the record. A file in another
/// layout is imported through a mapping, kept beside the import (<c>imports/&lt;id&gt;.mapping.json</c>, with its
/// companion files) so a preview and its commit apply exactly the same mapping.
/// </summary>
public sealed class ImportService(KnowledgeKaizenDbContext db, ImportPipeline pipeline, IFileStore files, IJobQueue jobs, TimeProvider clock,
    MappingBinder binder)
{
    /// <summary>The job kind the import handler runs.</summary>
    public const string JobKind = "import";

    /// <summary>
    /// Keeps an incoming file in the file store's imports, stopping at <paramref name="maxBytes"/> (so an oversize
    /// upload never fills the store). Returns the record, queued.
    /// </summary>
    /// <exception cref="FileTooLargeException">The content is larger than the limit.</exception>
    /// <remarks>For a file in another layout, <c>mapping</c> is the mapping and its companion files (already stored).</remarks>
    public async Task<ImportRecord> ReceiveAsync(Stream content, string fileName, ImportKind kind, ImportMode mode, bool dryRun,
        ImportSource source, string? requestedBy, long maxBytes, CancellationToken ct = default, AppliedMapping? mapping = null)
    {
        var stored = await StoreAsync(content, fileName, maxBytes, ct);
        return await RecordAsync(kind, stored, fileName, mode, dryRun, source, requestedBy, ct, mapping);
    }

    /// <summary>
    /// Keeps a file in the file store's imports, stopping at <paramref name="maxBytes"/>, and returns where: a file waiting
    /// for its mapping, or a companion file of one.
    /// </summary>
    /// <exception cref="FileTooLargeException">The content is larger than the limit.</exception>
    public async Task<string> StoreAsync(Stream content, string fileName, long maxBytes, CancellationToken ct = default)
    {
        var stored = $"imports/{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}{SafeExtension(fileName)}";
        await using var limited = new LengthLimitedStream(content, maxBytes);
        await files.WriteAsync(stored, limited, ct);
        return stored;
    }

    /// <summary>Records another import of a stored file (a commit after a preview reads the file the preview checked).</summary>
    public async Task<ImportRecord> RecordAsync(ImportKind kind, string storedFile, string fileName, ImportMode mode, bool dryRun,
        ImportSource source, string? requestedBy, CancellationToken ct = default, AppliedMapping? mapping = null)
    {
        ImportFormat format;
        await using (var start = await OpenAsync(storedFile, ct))
        {
            format = ImportFormats.Detect(start, fileName);
        }

        var record = new ImportRecord(kind, format, mode, dryRun, source, fileName, storedFile,
            await files.LengthAsync(storedFile, ct) ?? 0, requestedBy, clock.GetUtcNow());
        if (mapping is not null)
        {
            if (mapping.Mapping.ImportKind != kind)
            {
                throw new ArgumentException($"The mapping {mapping.Mapping.Name} imports {mapping.Mapping.Kind}, not {kind.Slug()}.", nameof(mapping));
            }

            await using var json = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(mapping, MappingJson.Options)));
            await files.WriteAsync(MappingPathOf(record), json, ct);
        }

        db.Imports.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The mapping an import applies, as kept beside it; null for a file in the portal's own layout.</summary>
    public async Task<AppliedMapping?> MappingOfAsync(ImportRecord record, CancellationToken ct = default)
    {
        await using var stream = await files.OpenReadAsync(MappingPathOf(record), ct);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<AppliedMapping>(stream, MappingJson.Options, ct);
    }

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
        return job;
    }

    /// <summary>Runs a recorded import now and stores its outcome on the record.</summary>
    public async Task<ImportReport> RunAsync(Guid importId, Func<double, long, Task>? progress = null, CancellationToken ct = default) =>
        await RunAsync(importId, TimeSpan.Zero, progress, ct);

    /// <summary>Runs the import with every date in the file moved by <paramref name="dateShift"/> (the demo data's load).</summary>
    public async Task<ImportReport> RunAsync(Guid importId, TimeSpan dateShift, Func<double, long, Task>? progress = null, CancellationToken ct = default)
    {
        var record = await db.Imports.SingleAsync(r => r.Id == importId, ct);
        record.Start();
        await db.SaveChangesAsync(ct);
        try
        {
            var mapping = await MappingOfAsync(record, ct) is { } applied ? await BindMappingAsync(applied, ct) : null;
            var file = await OpenAsync(record.StoredFile!, ct);
            var report = await pipeline.RunAsync(file, new ImportRequest(record.Kind, record.Format, record.Mode, record.DryRun, dateShift, mapping), progress, ct);
            record.Complete(report, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return report;
        }
        catch (Exception ex)
        {
            // The pipeline's transaction was rolled back; the record says so instead of staying "running".
            record.Fail(ex is OperationCanceledException ? "Cancelled; nothing was applied." : $"Failed; nothing was applied: {ex.Message}", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    public Task<ImportRecord?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Imports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public Task<ImportRecord?> FindByJobAsync(Guid jobId, CancellationToken ct = default) =>
        db.Imports.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId, ct);

    /// <summary>The most recent imports first.</summary>
    public async Task<IReadOnlyList<ImportRecord>> HistoryAsync(int take, CancellationToken ct = default) =>
        await db.Imports.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);

    private async Task<Stream> OpenAsync(string storedFile, CancellationToken ct) =>
        await files.OpenReadAsync(storedFile, ct) ?? throw new FileNotFoundException($"The import file {storedFile} is no longer kept.");

    private static string MappingPathOf(ImportRecord record) => $"imports/{record.Id:N}.mapping.json";

    private static string SafeExtension(string fileName) =>
        ImportKinds.FormatOf(fileName) is null ? ".dat" : Path.GetExtension(fileName).ToLowerInvariant();
}
