namespace KnowledgeKaizen.Core.Files;

/// <summary>
/// The files the portal keeps beside its database: uploaded images, import files and trained models. Paths are
/// relative and '/'-separated ("imports/2026….csv", "models/expected-outcome/v3/report.json"). A write replaces a
/// file whole: readers see the old content or the new one, never a half-written file.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores <paramref name="content"/> (read to its end) at <paramref name="path"/>, replacing any file there.</summary>
    Task WriteAsync(string path, Stream content, CancellationToken ct = default);

    /// <summary>The file's content, or null when there is no such file. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default);

    /// <summary>The file's size in bytes, or null when there is no such file.</summary>
    Task<long?> LengthAsync(string path, CancellationToken ct = default);

    /// <summary>Removes the file; a missing file is no error.</summary>
    Task DeleteAsync(string path, CancellationToken ct = default);

    /// <summary>Paths of the files under <paramref name="folder"/> (at any depth), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct = default);

    /// <summary>Removes what writes a crash interrupted (no write is in progress on them); returns how many.</summary>
    Task<int> RemoveUnfinishedWritesAsync(CancellationToken ct = default);
}
