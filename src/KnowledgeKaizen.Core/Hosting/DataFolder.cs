namespace KnowledgeKaizen.Core.Hosting;

/// <summary>Resolved locations inside the data folder. Created and checked for write access on start.</summary>
public sealed class DataFolder
{
    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string DatabaseFile => Path.Combine(Root, "knowledgekaizen.db");

    public string SearchIndex => Path.Combine(Root, "index");

    public string Models => Path.Combine(Root, "models");

    public string Uploads => Path.Combine(Root, "uploads");

    public string Backups => Path.Combine(Root, "backups");

    public string Imports => Path.Combine(Root, "imports");

    /// <summary>Imports being read or applied: their staged rows and the lock files of the processes handling them.</summary>
    public string Staging => Path.Combine(Root, "staging");

    /// <summary>The data-protection key ring that signs cookies and invite links.</summary>
    public string Keys => Path.Combine(Root, "keys");

    /// <summary>
    /// The top folders of the file store (<see cref="Files.DataFolderFileStore"/>): every folder here except the search
    /// index, backups, staging and the key ring, which the portal keeps beside the files it stores.
    /// </summary>
    public IReadOnlyList<string> StoreFolders() => Directory.Exists(Root)
        ? [.. Directory.EnumerateDirectories(Root).Where(d => d != SearchIndex && d != Backups && d != Staging && d != Keys)
            .Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)]
        : [];

    public static DataFolder Resolve(string contentRoot, string configured) =>
        new(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));

    /// <summary>
    /// Creates the folder and proves it is writable. Returns a one-line reason when it is not, so start-up
    /// can fail naming the setting instead of failing later on the first write.
    /// </summary>
    public string? EnsureWritable()
    {
        try
        {
            Directory.CreateDirectory(Root);
            foreach (var sub in new[] { SearchIndex, Models, Uploads, Backups, Imports, Staging })
            {
                Directory.CreateDirectory(sub);
            }

            var probe = Path.Combine(Root, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"KnowledgeKaizen:DataPath '{Root}' is not a writable folder: {ex.Message}";
        }
    }
}
