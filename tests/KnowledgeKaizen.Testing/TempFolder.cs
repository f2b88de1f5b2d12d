namespace KnowledgeKaizen.Testing;

/// <summary>
/// A folder of its own under the system temp folder (kk-tests/), so no two tests share files, removed on
/// dispose. Pooled SQLite connections are released first: a pooled handle keeps a database file open.
/// </summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="purpose">A word naming the folder's use, to recognise a leftover.</param>
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kk-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies every folder and file under <paramref name="source"/> to the same places under <paramref name="destination"/>.</summary>
    public static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, file)));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing on a finalizer thread; the OS temp cleaner takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
