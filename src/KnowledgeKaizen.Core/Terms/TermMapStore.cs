using System.Security.Cryptography;
using KnowledgeKaizen.Lexicon;

namespace KnowledgeKaizen.Core.Terms;

/// <summary>
/// The bilingual term map search and complaint clustering share. It ships as <c>content/terms.md</c>; once a
/// KnowledgeManager saves it, the edited copy lives in the file store (so every instance of a farm reads the same one)
/// and wins over the shipped file.
/// </summary>
public sealed class TermMapStore(IFileStore files, IOptions<KaizenOptions> options, IHostEnvironment environment)
{
    public const string StorePath = "terms/term-map.md";
    public const string ShippedFileName = "terms.md";

    /// <summary>The map in force: the edited copy, else the shipped file, else an empty map.</summary>
    public async Task<TermMapVersion> LoadAsync(CancellationToken ct = default)
    {
        await using (var stored = await files.OpenReadAsync(StorePath, ct))
        {
            if (stored is not null)
            {
                using var reader = new StreamReader(stored, Encoding.UTF8);
                return Read(await reader.ReadToEndAsync(ct), edited: true);
            }
        }

        var shipped = Path.Combine(options.Value.ContentFolder(environment.ContentRootPath), ShippedFileName);
        return File.Exists(shipped) ? Read(await File.ReadAllTextAsync(shipped, ct), edited: false) : Read("", edited: false);
    }

    /// <summary>
    /// Saves the rows as the new map unless a row has a problem or the map changed since <paramref name="basedOn"/>
    /// (the version the editor started from); the notes of the current map are kept.
    /// </summary>
    public async Task<TermMapSaveResult> SaveAsync(IEnumerable<(string English, string Chinese)> rows, string basedOn, CancellationToken ct = default)
    {
        var current = await LoadAsync(ct);
        if (!string.Equals(current.Version, basedOn, StringComparison.Ordinal))
        {
            return new TermMapSaveResult(current, [], ChangedMeanwhile: true);
        }

        var (map, problems) = TermMap.FromRows(rows, current.Map.Notes);
        if (problems.Count > 0)
        {
            return new TermMapSaveResult(current, problems, ChangedMeanwhile: false);
        }

        var text = map.ToMarkdown();
        await files.WriteAsync(StorePath, new MemoryStream(Encoding.UTF8.GetBytes(text)), ct);
        return new TermMapSaveResult(Read(text, edited: true), [], ChangedMeanwhile: false);
    }

    private static TermMapVersion Read(string text, bool edited)
    {
        var (map, problems) = TermMap.Parse(text);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
        return new TermMapVersion(map, version, edited, problems);
    }
}

/// <summary>A loaded term map: its version (a hash of its text), whether it was edited in the portal, and rows left out.</summary>
public sealed record TermMapVersion(TermMap Map, string Version, bool Edited, IReadOnlyList<TermMapProblem> Problems);

/// <summary>What a save did: the map now in force, the problems that stopped it, or that someone saved first.</summary>
public sealed record TermMapSaveResult(TermMapVersion Current, IReadOnlyList<TermMapProblem> Problems, bool ChangedMeanwhile)
{
    public bool Saved => Problems.Count == 0 && !ChangedMeanwhile;
}
