using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The file was larger than the configured upload limit.</summary>
public sealed class FileTooLargeException(long limitBytes)
    : Exception($"The file is larger than the limit of {limitBytes / (1024 * 1024)} MB.")
{
    public long LimitBytes { get; } = limitBytes;
}

/// <summary>
/// Runs imports for every entry point: stores the file, records it in the history, runs the one
/// <see cref="ImportPipeline"/> (now or as a background job) and keeps the outcome on the record.
/// </summary>
public sealed class ImportService(KnowledgeKaizenDbContext db, ImportPipeline pipeline, DataFolder folder, JobQueue jobs)
{
    /// <summary>The job kind the import handler runs.</summary>
    public const string JobKind = "import";

    /// <summary>
    /// Copies an incoming file under the data folder's imports, stopping at <paramref name="maxBytes"/>
    /// (so an oversize upload never fills the disk). Returns the record, queued.
    /// </summary>
    /// <exception cref="FileTooLargeException">The content is larger than the limit.</exception>
    public async Task<ImportRecord> ReceiveAsync(Stream content, string fileName, ImportKind kind, ImportMode mode, bool dryRun,
        ImportSource source, string? requestedBy, long maxBytes, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder.Imports);
        var stored = Path.Combine(folder.Imports, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}{SafeExtension(fileName)}");
        long size = 0;
        await using (var target = File.Create(stored))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    await target.DisposeAsync();
                    File.Delete(stored);
                    throw new FileTooLargeException(maxBytes);
                }

                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        return await RecordAsync(kind, stored, fileName, mode, dryRun, source, requestedBy, ct);
    }

    /// <summary>Records an import of a file already on disk (command line, demo data, a commit after a preview).</summary>
    public async Task<ImportRecord> RecordAsync(ImportKind kind, string path, string fileName, ImportMode mode, bool dryRun,
        ImportSource source, string? requestedBy, CancellationToken ct = default)
    {
        var record = new ImportRecord(kind, ImportFormats.Detect(path, fileName), mode, dryRun, source, fileName, path,
            new FileInfo(path).Length, requestedBy);
        db.Imports.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>Queues the import as a background job; poll the job (or <see cref="ImportProgress"/>) for progress.</summary>
    public async Task<BackgroundJob> EnqueueAsync(ImportRecord record, string? userId, CancellationToken ct = default)
    {
        var job = await jobs.EnqueueAsync(db, JobKind, record.Id.ToString(), userId, ct);
        record.AttachJob(job.Id);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Runs a recorded import now and stores its outcome on the record.</summary>
    public async Task<ImportReport> RunAsync(Guid importId, Func<double, long, Task>? progress = null, CancellationToken ct = default)
    {
        var record = await db.Imports.SingleAsync(r => r.Id == importId, ct);
        record.Start();
        await db.SaveChangesAsync(ct);
        try
        {
            var file = File.OpenRead(record.StoredPath!);
            var report = await pipeline.RunAsync(file, new ImportRequest(record.Kind, record.Format, record.Mode, record.DryRun), progress, ct);
            record.Complete(report);
            await db.SaveChangesAsync(CancellationToken.None);
            return report;
        }
        catch (Exception ex)
        {
            // The pipeline's transaction was rolled back; the record says so instead of staying "running".
            record.Fail(ex is OperationCanceledException ? "Cancelled; nothing was applied." : $"Failed; nothing was applied: {ex.Message}");
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

    private static string SafeExtension(string fileName) =>
        ImportKinds.FormatOf(fileName) is null ? ".dat" : Path.GetExtension(fileName).ToLowerInvariant();
}

public static class ImportFormats
{
    /// <summary>By extension; otherwise a file starting with '[' or '{' is JSON and anything else CSV.</summary>
    public static ImportFormat Detect(string path, string? fileName = null)
    {
        if (ImportKinds.FormatOf(fileName ?? path) is { } known)
        {
            return known;
        }

        using var stream = File.OpenRead(path);
        int b;
        while ((b = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
        }

        return b is '[' or '{' ? ImportFormat.Json : ImportFormat.Csv;
    }
}
