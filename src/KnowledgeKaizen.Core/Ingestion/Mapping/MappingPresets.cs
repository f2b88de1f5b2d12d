using System.Reflection;

namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// The mappings shipped with the portal for real CRM exports (Salesforce, HubSpot, Dynamics 365 Sales), written from each
/// vendor's documented export columns; a sample file of each is in seed/crm-exports. Read-only: an Admin adapts one by
/// saving a copy under another name.
/// </summary>
public static class MappingPresets
{
    private const string Prefix = "mapping-presets/";

    private static readonly Lazy<IReadOnlyList<ImportMapping>> Loaded = new(Load);

    public static IReadOnlyList<ImportMapping> All => Loaded.Value;

    public static ImportMapping? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<ImportMapping> Load()
    {
        var assembly = typeof(MappingPresets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n))
            .ToList();
    }

    private static ImportMapping Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return ImportMapping.FromJson(reader.ReadToEnd());
    }
}
