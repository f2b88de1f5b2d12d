using System.Globalization;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Job kind "import-files-cleanup", queued daily: deletes stored import files received more than
/// <see cref="ImportOptions.KeepFilesDays"/> ago. A file stays while any import of it is younger or unfinished (a preview
/// committed later reads the same file). History entries and their reports stay; the file is then shown as no longer kept.
/// </summary>
internal sealed class ImportFilesCleanup(KnowledgeKaizenDbContext db, IFileStore files, IOptions<ImportOptions> options, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "import-files-cleanup";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.KeepFilesDays);
        var records = await db.Imports.AsNoTracking().Where(r => r.StoredFile != null)
            .Select(r => new { StoredFile = r.StoredFile!, r.CreatedAt, r.Status }).ToListAsync(cancellationToken);
        var expired = records.GroupBy(r => r.StoredFile, StringComparer.Ordinal)
            .Where(g => g.All(r => r.CreatedAt < cutoff && r.Status is not (ImportStatus.Queued or ImportStatus.Running or ImportStatus.Applying)))
            .Select(g => g.Key)
            .ToList();
        long freed = 0;
        var removed = 0;
        foreach (var stored in expired)
        {
            if (await files.LengthAsync(stored, cancellationToken) is { } bytes)
            {
                await files.DeleteAsync(stored, cancellationToken);
                freed += bytes;
                removed++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{{\"removed\":{removed},\"bytes\":{freed}}}");
    }
}
