namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Job kind "import-files-cleanup", queued daily: deletes stored import files received more than
/// <see cref="ImportOptions.KeepFilesDays"/> ago. A file stays while any import of it is younger or unfinished (a preview
/// committed later reads the same file); a mapping kept beside an import and its companion files go with the import's file.
/// History entries and their reports stay; the file is then shown as no longer kept.
/// </summary>
internal sealed class ImportFilesCleanup(KnowledgeKaizenDbContext db, ImportService imports, IFileStore files, IOptions<ImportOptions> options,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "import-files-cleanup";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.KeepFilesDays);
        var records = await db.Imports.AsNoTracking().Where(r => r.StoredFile != null)
            .Select(r => new { r.Id, StoredFile = r.StoredFile!, r.CreatedAt, r.Status }).ToListAsync(cancellationToken);
        var expired = records.GroupBy(r => r.StoredFile, StringComparer.Ordinal)
            .Where(g => g.All(r => r.CreatedAt < cutoff && r.Status is not (ImportStatus.Queued or ImportStatus.Running or ImportStatus.Applying)))
            .ToList();
        long freed = 0;
        var removed = 0;
        var stores = new List<string>();
        foreach (var group in expired)
        {
            if (await files.LengthAsync(group.Key, cancellationToken) is null)
            {
                continue; // Removed by an earlier clean-up, with its mappings and companions.
            }

            stores.Add(group.Key);
            foreach (var id in group.Select(r => r.Id))
            {
                stores.Add(ImportService.MappingPathOf(id));
                stores.AddRange((await imports.MappingOfAsync(id, cancellationToken))?.Companions.Select(c => c.StoredFile) ?? []);
            }
        }

        foreach (var stored in stores.Distinct(StringComparer.Ordinal))
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
