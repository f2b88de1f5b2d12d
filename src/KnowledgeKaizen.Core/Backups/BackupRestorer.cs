using System.IO.Compression;

namespace KnowledgeKaizen.Core.Backups;

/// <summary>
/// Restores a backup into a fresh data folder: refuses a folder that already holds a database, a file that is not a
/// backup and a backup made by a newer version; unpacks the database beside its place, checks it (SQLite's integrity
/// check and every table's row count against the manifest), restores the uploaded images and the staged rows of imports
/// being applied, and moves the database into place last — so a restore that fails half-way can simply be run again.
/// </summary>
public sealed partial class BackupRestorer(DataFolder folder, IFileStore files)
{
    /// <summary>Restores <paramref name="backupFile"/>; <paramref name="knownMigrations"/> are this version's migrations.</summary>
    /// <exception cref="BackupException">Why the backup cannot be restored here, and what to do.</exception>
    public async Task<BackupManifest> RestoreAsync(string backupFile, IReadOnlyCollection<string> knownMigrations, CancellationToken ct = default)
    {
        if (File.Exists(folder.DatabaseFile))
        {
            throw new BackupException($"The data folder {folder.Root} already holds a database. Restore into a new, empty data folder " +
                "(e.g. --KnowledgeKaizen:DataPath=/srv/kk-restored), or move the existing folder away first.");
        }

        using var zip = OpenZip(backupFile);
        var manifest = await ReadManifestAsync(zip, backupFile, ct);
        if (manifest.Format > BackupManifest.CurrentFormat || (manifest.Migration is { } migration && !knownMigrations.Contains(migration)))
        {
            throw new BackupException($"{Path.GetFileName(backupFile)} was made by a newer version of KnowledgeKaizen " +
                $"(its database is at {manifest.Migration}); restore it with that version or a later one.");
        }

        var database = zip.GetEntry(BackupService.DatabaseEntry)
            ?? throw new BackupException($"{Path.GetFileName(backupFile)} holds no database ({BackupService.DatabaseEntry}).");
        var unpacked = Path.Combine(folder.Root, $".{BackupService.DatabaseEntry}.{Guid.NewGuid():N}.tmp");
        try
        {
            await ExtractAsync(database, unpacked, ct);
            if (SqliteBackup.IntegrityCheck(unpacked) is var check && check != "ok")
            {
                throw new BackupException($"The database in {Path.GetFileName(backupFile)} is damaged: {check}");
            }

            var counts = SqliteBackup.Counts(unpacked);
            var differing = manifest.Rows.Where(t => counts.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => t.Key).ToList();
            if (differing.Count > 0)
            {
                throw new BackupException($"The database in {Path.GetFileName(backupFile)} does not match its manifest (tables {string.Join(", ", differing)}).");
            }

            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.StartsWith(BackupService.UploadsFolder + "/", StringComparison.Ordinal) && entry.Name.Length > 0)
                {
                    await using var content = entry.Open();
                    await files.WriteAsync(entry.FullName, content, ct);
                }
                else if (StagedRows().IsMatch(entry.FullName))
                {
                    Directory.CreateDirectory(folder.Staging);
                    await ExtractAsync(entry, Path.Combine(folder.Staging, entry.Name), ct);
                }
            }

            File.Move(unpacked, folder.DatabaseFile);
        }
        finally
        {
            File.Delete(unpacked);
        }

        return manifest;
    }

    private static ZipArchive OpenZip(string backupFile)
    {
        try
        {
            return ZipFile.OpenRead(backupFile);
        }
        catch (InvalidDataException)
        {
            throw new BackupException($"{Path.GetFileName(backupFile)} is not a KnowledgeKaizen backup (not a zip file).");
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, string backupFile, CancellationToken ct)
    {
        var entry = zip.GetEntry(BackupService.ManifestEntry)
            ?? throw new BackupException($"{Path.GetFileName(backupFile)} is not a KnowledgeKaizen backup (it has no {BackupService.ManifestEntry}).");
        try
        {
            await using var stream = entry.Open();
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupService.Json, ct)
                ?? throw new BackupException($"{Path.GetFileName(backupFile)} has an empty {BackupService.ManifestEntry}.");
        }
        catch (JsonException e)
        {
            throw new BackupException($"{Path.GetFileName(backupFile)} has an unreadable {BackupService.ManifestEntry}: {e.Message}");
        }
    }

    private static async Task ExtractAsync(ZipArchiveEntry entry, string path, CancellationToken ct)
    {
        await using var source = entry.Open();
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await source.CopyToAsync(target, ct);
        await target.FlushAsync(ct);
    }

    [GeneratedRegex("^staging/[0-9a-f]{32}\\.db$")]
    private static partial Regex StagedRows();
}
