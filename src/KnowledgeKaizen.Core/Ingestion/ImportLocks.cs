using System.Collections.Concurrent;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Which imports a live process is handling: each has a lock file in the staging folder, held open exclusively by the
/// process that reads or applies it (the operating system releases it when that process ends, however it ends). So
/// the next start recovers exactly the imports a crash left behind, and a command-line import run beside the portal
/// never mistakes the portal's running import for an interrupted one (or the other way round). A process that takes a
/// lock reads the import's record again afterwards: the record may have been finished by the process that just let go.
/// </summary>
public sealed class ImportLocks(DataFolder folder)
{
    private readonly ConcurrentDictionary<Guid, FileStream> held = new();

    /// <summary>Marks the import as handled by this process (again is fine); false when another process handles it.</summary>
    public bool TryHold(Guid importId)
    {
        if (held.ContainsKey(importId))
        {
            return true;
        }

        var file = TryLock(importId, FileMode.OpenOrCreate);
        if (file is null)
        {
            return false;
        }

        if (!held.TryAdd(importId, file))
        {
            file.Dispose();
        }

        return true;
    }

    /// <summary>No longer handled by this process; the lock file goes too.</summary>
    public void Release(Guid importId)
    {
        if (held.TryRemove(importId, out var file))
        {
            file.Dispose();
            try
            {
                File.Delete(PathOf(importId));
            }
            catch (IOException)
            {
                // Another process probes it right now; the start-up clean-up removes it later.
            }
        }
    }

    /// <summary>Whether a live process — this one or another — handles the import.</summary>
    public bool IsHeld(Guid importId)
    {
        if (held.ContainsKey(importId))
        {
            return true;
        }

        // A probe never creates the file: a clean-up that probed would otherwise leave a lock file behind.
        using var probe = TryLock(importId, FileMode.Open);
        return probe is null && File.Exists(PathOf(importId));
    }

    /// <summary>The lock file of an import.</summary>
    public string PathOf(Guid importId) => Path.Combine(folder.Staging, $"{importId:N}.lock");

    // An exclusive open: on Linux and macOS .NET takes an advisory lock (flock) for FileShare.None, on Windows a share lock.
    private FileStream? TryLock(Guid importId, FileMode mode)
    {
        Directory.CreateDirectory(folder.Staging);
        try
        {
            return new FileStream(PathOf(importId), mode, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException)
        {
            // Taken by another process, or (opening only) no lock file: the caller tells which.
            return null;
        }
    }
}
