using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KnowledgeKaizen.Core.Files;

/// <summary>What <see cref="SharedStateCopier"/> brought into the database.</summary>
public sealed record SharedStateCopy(int Files, long Bytes, int Keys);

/// <summary>
/// When a SQLite installation moves to PostgreSQL (<c>migrate-data</c>), brings what the data folder holds for every
/// instance into the database as well: the stored files (uploads, import files, mappings, models…) into the database's
/// file store, and the key ring's elements, so sign-ins and invite links issued before the move stay valid. The search
/// index is not copied: each instance builds its own.
/// </summary>
public static class SharedStateCopier
{
    /// <summary>
    /// Copies into <paramref name="target"/> (a context on the moved database) the key ring of <paramref name="folder"/>,
    /// and its stored files into <paramref name="files"/>, the target's file store (null when files stay in the folder).
    /// </summary>
    public static async Task<SharedStateCopy> CopyAsync(DataFolder folder, KnowledgeKaizenDbContext target, IFileStore? files,
        ILoggerFactory logs, CancellationToken ct = default)
    {
        var count = 0;
        var bytes = 0L;
        if (files is not null)
        {
            var source = new DataFolderFileStore(folder);
            foreach (var top in folder.StoreFolders())
            {
                foreach (var path in await source.ListAsync(top, ct))
                {
                    await using var content = await source.OpenReadAsync(path, ct) ?? throw new FileNotFoundException(path);
                    await files.WriteAsync(path, content, ct);
                    bytes += await files.LengthAsync(path, ct) ?? throw new IOException($"{path} was not stored.");
                    count++;
                }
            }
        }

        var keys = 0;
        if (Directory.Exists(folder.Keys))
        {
            foreach (var element in new FileSystemXmlRepository(new DirectoryInfo(folder.Keys), logs).GetAllElements())
            {
                target.DataProtectionKeys.Add(new DataProtectionKey(element.Attribute("id")?.Value is { } id ? $"key-{id}" : null,
                    element.ToString(System.Xml.Linq.SaveOptions.DisableFormatting)));
                keys++;
            }

            await target.SaveChangesAsync(ct);
        }

        return new SharedStateCopy(count, bytes, keys);
    }
}
