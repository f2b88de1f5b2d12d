namespace KnowledgeKaizen.Core.Files;

/// <summary>
/// <see cref="IFileStore"/> in the data folder: a path is a file under its root. Writes go to a temporary file beside
/// the target and are renamed over it, which replaces the file atomically on one machine; the temporary file is held
/// exclusively while it is written, so one a crash left behind is told from one being written. Several instances need a
/// store they share (the database or an object store) instead.
/// </summary>
public sealed class DataFolderFileStore(DataFolder folder) : IFileStore
{
    public async Task WriteAsync(string path, Stream content, CancellationToken ct = default)
    {
        var target = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default)
    {
        var file = Resolve(path);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<long?> LengthAsync(string path, CancellationToken ct = default)
    {
        var file = new FileInfo(Resolve(path));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public Task DeleteAsync(string path, CancellationToken ct = default)
    {
        File.Delete(Resolve(path));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string folderPath, CancellationToken ct = default)
    {
        var directory = Resolve(folderPath);
        IReadOnlyList<string> paths = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => Path.GetRelativePath(folder.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return Task.FromResult(paths);
    }

    public Task<int> RemoveUnfinishedWritesAsync(CancellationToken ct = default)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder.Root, ".*.tmp", SearchOption.AllDirectories))
        {
            try
            {
                // Opening it exclusively fails while its writer holds it (an advisory lock on Linux and macOS).
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1))
                {
                }

                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Being written, or already gone.
            }
        }

        return Task.FromResult(removed);
    }

    /// <summary>The file under the root; a path that would leave it is refused (<see cref="FileStorePath"/>).</summary>
    private string Resolve(string path) => Path.Combine([folder.Root, .. FileStorePath.Segments(path)]);
}
