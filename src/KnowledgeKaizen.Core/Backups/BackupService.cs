using System.IO.Compression;

namespace KnowledgeKaizen.Core.Backups;

/// <summary>
/// Backups of a running portal: one zip in the data folder's <c>backups/</c> holding a consistent copy of the database
/// (everything the portal knows: documents and their revisions, courses, cycles, CRM data, users, the import history),
/// the uploaded images, the staged rows of imports being applied (so they complete after a restore) and a manifest. The
/// search index and the models are left out: they are rebuilt from the database at the first start after a restore; so
/// are import files (the history stays) and the data-protection key ring (after a restore everyone signs in again).
/// The newest <see cref="BackupOptions.Keep"/> backups are kept.
/// </summary>
public sealed class BackupService(KnowledgeKaizenDbContext db, DataFolder folder, IFileStore files, IOptions<BackupOptions> options, TimeProvider clock)
{
    /// <summary>The job kind that takes a backup.</summary>
    public const string JobKind = "backup";

    internal const string DatabaseEntry = "knowledgekaizen.db";
    internal const string ManifestEntry = "backup.json";
    internal const string UploadsFolder = "uploads";
    internal const string StagingFolder = "staging";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private const string Prefix = "knowledgekaizen-";
    private const string Stamp = "yyyyMMdd-HHmmss";

    /// <summary>Whether the portal backs its database up itself: SQLite only; a server database is backed up with its own tools (pg_dump).</summary>
    public bool IsAvailable => db.Database.IsSqlite();

    public BackupOptions Settings => options.Value;

    /// <summary>Takes a backup now, then deletes the oldest beyond <see cref="BackupOptions.Keep"/>.</summary>
    /// <exception cref="BackupException">The database is not SQLite, or the copy failed its integrity check.</exception>
    public async Task<BackupFile> CreateAsync(string? requestedBy, IJobProgress? progress = null, CancellationToken ct = default)
    {
        if (!IsAvailable)
        {
            throw new BackupException("The database is not SQLite: back it up with its own tools (pg_dump for PostgreSQL).");
        }

        var now = clock.GetUtcNow();
        var name = FreeName(now);
        Directory.CreateDirectory(folder.Backups);
        var copy = Path.Combine(folder.Backups, $".{name}.db.{Guid.NewGuid():N}.tmp");
        var packing = Path.Combine(folder.Backups, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await ReportAsync(progress, 0.05, "Copying the database", ct);
            await Task.Run(() => SqliteBackup.Copy(db.Database.GetConnectionString()!, copy), ct);
            if (SqliteBackup.IntegrityCheck(copy) is var check && check != "ok")
            {
                throw new BackupException($"The copy of the database failed SQLite's integrity check: {check}");
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, now, requestedBy, SqliteBackup.LastMigration(copy), SqliteBackup.Counts(copy));
            await ReportAsync(progress, 0.4, "Packing the database and the uploaded files", ct);
            await using (var stream = new FileStream(packing, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await AddFileAsync(zip, DatabaseEntry, copy, ct);
                foreach (var import in SqliteBackup.ApplyingImports(copy))
                {
                    // Staged rows are complete before an import's apply begins; an import that finished meanwhile needs none.
                    var staged = Path.Combine(folder.Staging, $"{import:N}.db");
                    if (File.Exists(staged))
                    {
                        await AddFileAsync(zip, $"{StagingFolder}/{import:N}.db", staged, ct);
                    }
                }

                foreach (var path in await files.ListAsync(UploadsFolder, ct))
                {
                    await using var content = await files.OpenReadAsync(path, ct);
                    if (content is not null)
                    {
                        await using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                        await content.CopyToAsync(entry, ct);
                    }
                }

                await using (var entry = zip.CreateEntry(ManifestEntry).Open())
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, Json, ct);
                }
            }

            File.Move(packing, Path.Combine(folder.Backups, name));
        }
        finally
        {
            File.Delete(copy);
            File.Delete(packing);
        }

        Prune();
        var file = List().Single(b => b.Name == name);
        db.Raise(new BackupCreated(name, file.Bytes, requestedBy, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>The backups kept, newest first.</summary>
    public IReadOnlyList<BackupFile> List() =>
        Directory.Exists(folder.Backups)
            ? [.. Directory.EnumerateFiles(folder.Backups, Prefix + "*.zip")
                .Select(path => (Path: path, At: TakenAt(Path.GetFileName(path))))
                .Where(b => b.At is not null)
                .Select(b => new BackupFile(Path.GetFileName(b.Path), new FileInfo(b.Path).Length, b.At!.Value))
                .OrderByDescending(b => b.Name, StringComparer.Ordinal)]
            : [];

    /// <summary>A kept backup's content, or null when no backup has this name.</summary>
    public Stream? OpenRead(string name) =>
        List().Any(b => b.Name == name)
            ? new FileStream(Path.Combine(folder.Backups, name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true)
            : null;

    private void Prune()
    {
        foreach (var old in List().Skip(options.Value.Keep))
        {
            File.Delete(Path.Combine(folder.Backups, old.Name));
        }
    }

    private string FreeName(DateTimeOffset now)
    {
        var name = $"{Prefix}{now.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}.zip";
        for (var second = 1; File.Exists(Path.Combine(folder.Backups, name)); second++)
        {
            name = $"{Prefix}{now.UtcDateTime.AddSeconds(second).ToString(Stamp, CultureInfo.InvariantCulture)}.zip";
        }

        return name;
    }

    private static DateTimeOffset? TakenAt(string name) =>
        DateTime.TryParseExact(name[Prefix.Length..^".zip".Length], Stamp, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    private static async Task AddFileAsync(ZipArchive zip, string entryName, string path, CancellationToken ct)
    {
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        await using var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        await source.CopyToAsync(entry, ct);
    }

    private static Task ReportAsync(IJobProgress? progress, double fraction, string message, CancellationToken ct) =>
        progress?.ReportAsync(fraction, message, ct) ?? Task.CompletedTask;
}
