namespace KnowledgeKaizen.Core.Files;

/// <summary>The one rule for paths of every <see cref="IFileStore"/>: relative, '/'-separated, no empty, "." or ".." segment.</summary>
public static class FileStorePath
{
    /// <summary>The path's segments; a path that could leave the store (absolute, "..", empty segments) is refused.</summary>
    public static string[] Segments(string path)
    {
        var segments = path.Split('/');
        if (path.Length == 0 || path.Length > StoredFile.MaxPathLength || Path.IsPathRooted(path) || path.Contains('\\')
            || segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ArgumentException($"'{path}' is not a relative file-store path.", nameof(path));
        }

        return segments;
    }
}
