namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// The mappings an import can name: the shipped presets and the ones Admins saved. Saved mappings are JSON documents in
/// the file store (<c>mappings/&lt;name&gt;.json</c>, names compare case-insensitively), so the portal, the API and the
/// command line on the same data folder share them.
/// </summary>
public sealed class MappingLibrary(IFileStore files, TimeProvider clock)
{
    private const string Folder = "mappings";

    /// <summary>Presets first, then saved mappings, each by name.</summary>
    public async Task<IReadOnlyList<ImportMapping>> ListAsync(CancellationToken ct = default)
    {
        var saved = new List<ImportMapping>();
        foreach (var path in await files.ListAsync(Folder, ct))
        {
            if (await ReadAsync(path, ct) is { } mapping)
            {
                saved.Add(mapping);
            }
        }

        return [.. MappingPresets.All, .. saved.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>A preset or a saved mapping by name; null when there is none.</summary>
    public async Task<ImportMapping?> FindAsync(string name, CancellationToken ct = default) =>
        MappingPresets.Find(name) ?? (MappingValidation.IsValidName(name) ? await ReadAsync(PathOf(name), ct) : null);

    public static bool IsPreset(string name) => MappingPresets.Find(name) is not null;

    /// <summary>Saves (or replaces) a mapping under its name; the problems instead when it does not validate or names a preset.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(ImportMapping mapping, string? savedBy, CancellationToken ct = default)
    {
        if (IsPreset(mapping.Name))
        {
            return [ImportMessages.Format(ImportMessages.PresetName, mapping.Name)];
        }

        var errors = MappingValidation.Validate(mapping);
        if (errors.Count > 0)
        {
            return errors;
        }

        var stamped = mapping with { SavedBy = savedBy, SavedAt = clock.GetUtcNow() };
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(stamped.ToJson()));
        await files.WriteAsync(PathOf(mapping.Name), content, ct);
        return [];
    }

    /// <summary>Removes a saved mapping; false when there is none by that name (presets cannot be removed).</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        if (IsPreset(name) || !MappingValidation.IsValidName(name) || await files.LengthAsync(PathOf(name), ct) is null)
        {
            return false;
        }

        await files.DeleteAsync(PathOf(name), ct);
        return true;
    }

    private static string PathOf(string name) => $"{Folder}/{name.ToLowerInvariant()}.json";

    private async Task<ImportMapping?> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = await files.OpenReadAsync(path, ct);
        if (stream is null)
        {
            return null;
        }

        try
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return ImportMapping.FromJson(await reader.ReadToEndAsync(ct));
        }
        catch (JsonException)
        {
            // A file edited by hand into something unreadable is left out rather than breaking every list.
            return null;
        }
    }
}
