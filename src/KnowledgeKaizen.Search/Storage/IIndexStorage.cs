using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace KnowledgeKaizen.Search.Storage;

/// <summary>Where index generations live and which one is current.</summary>
internal interface IIndexStorage
{
    /// <summary>The current generation, or null when none was ever promoted.</summary>
    (string Name, Directory Directory)? OpenCurrent();

    (string Name, Directory Directory) CreateNext(DateTimeOffset at);

    /// <summary>Atomically makes <paramref name="name"/> the generation opened next time.</summary>
    void Promote(string name);

    /// <summary>Deletes every generation except the current one.</summary>
    void DeleteOthers();
}

/// <summary>
/// Generations are sibling folders under the index path; a small "current" file names the live one and is
/// replaced by an atomic rename, so a crash mid-rebuild leaves the old generation current.
/// </summary>
internal sealed class FileSystemIndexStorage : IIndexStorage
{
    private const string PointerFile = "current";
    private readonly string _root;

    public FileSystemIndexStorage(string root)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new ArgumentException("SearchOptions.IndexPath is required.", nameof(root));
        }

        _root = Path.GetFullPath(root);
        System.IO.Directory.CreateDirectory(_root);
    }

    public (string Name, Directory Directory)? OpenCurrent()
    {
        var pointer = Path.Combine(_root, PointerFile);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var name = File.ReadAllText(pointer).Trim();
        var path = Path.Combine(_root, name);
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || !System.IO.Directory.Exists(path))
        {
            return null;
        }

        return (name, FSDirectory.Open(path));
    }

    public (string Name, Directory Directory) CreateNext(DateTimeOffset at)
    {
        var name = $"gen-{at:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..31];
        var path = Path.Combine(_root, name);
        System.IO.Directory.CreateDirectory(path);
        return (name, FSDirectory.Open(path));
    }

    public void Promote(string name)
    {
        var temp = Path.Combine(_root, PointerFile + ".tmp");
        File.WriteAllText(temp, name);
        File.Move(temp, Path.Combine(_root, PointerFile), overwrite: true);
    }

    public void DeleteOthers()
    {
        var current = File.ReadAllText(Path.Combine(_root, PointerFile)).Trim();
        foreach (var dir in System.IO.Directory.EnumerateDirectories(_root, "gen-*"))
        {
            if (Path.GetFileName(dir) != current)
            {
                try
                {
                    System.IO.Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // Still open somewhere (e.g. on Windows); the next promotion retries.
                }
            }
        }
    }
}

/// <summary>RAM directories for tests; behaves like the file system storage within one process.</summary>
internal sealed class InMemoryIndexStorage : IIndexStorage
{
    private int _sequence;

    public string? Current { get; private set; }

    public (string Name, Directory Directory)? OpenCurrent() => null;

    public (string Name, Directory Directory) CreateNext(DateTimeOffset at) => ($"mem-{Interlocked.Increment(ref _sequence)}", new RAMDirectory());

    public void Promote(string name) => Current = name;

    // A generation's RAMDirectory is released when that generation is disposed: nothing to delete.
    public void DeleteOthers()
    {
    }
}
