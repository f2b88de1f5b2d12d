using KnowledgeKaizen.Core.Ingestion.Mapping;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>A layout a file's header matches: a kind in the portal's own columns (no mapping), or a mapping's layout.</summary>
/// <param name="Kind">The kind the file holds (after the mapping).</param>
/// <param name="Mapping">The mapping to read it with; null for the portal's own layout.</param>
/// <param name="Score">From 1 (the identifying columns are there) up to 2 (every column read is there too).</param>
public sealed record DetectedLayout(ImportKind Kind, ImportMapping? Mapping, double Score);

/// <summary>
/// Tells from a file's header row what the file is: the one place for detection on every path (the upload page, the API
/// and the command line). The portal's own layout of a kind matches when every required column is there; a mapping's
/// (a preset's or a saved one's) when every column it names in <see cref="ImportMapping.Detect"/> is there ("A|B" means
/// either). Ties go to the kind earlier in load order.
/// </summary>
public static class ImportDetector
{
    public static IReadOnlyList<DetectedLayout> Detect(IReadOnlyList<string> header, IEnumerable<ImportMapping> mappings, ImportKind? kind = null)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new List<DetectedLayout>();
        foreach (var k in ImportKinds.LoadOrder.Where(k => kind is null || k == kind))
        {
            var columns = k.Columns();
            if (columns.Where(c => c.Required).All(c => names.Contains(c.Name)))
            {
                found.Add(new DetectedLayout(k, null, 1 + Share(columns.Select(c => c.Name), names)));
            }
        }

        foreach (var mapping in mappings)
        {
            if (!ImportKinds.TryParse(mapping.Kind, out var k) || (kind is not null && k != kind) || mapping.Detect.Count == 0)
            {
                continue;
            }

            if (mapping.Detect.All(d => Has(names, d)))
            {
                found.Add(new DetectedLayout(k, mapping, 1 + Share(MappingRules.Columns(mapping), names)));
            }
        }

        return found
            .OrderByDescending(d => d.Score)
            .ThenBy(d => ImportKinds.LoadOrder.ToList().IndexOf(d.Kind))
            .ThenBy(d => d.Mapping is null ? 0 : 1)
            .ToList();
    }

    /// <summary>Whether the header has the column, or one of "A|B".</summary>
    public static bool Has(IReadOnlySet<string> header, string detect) => detect.Split('|').Any(header.Contains);

    private static double Share(IEnumerable<string> wanted, IReadOnlySet<string> names)
    {
        var list = wanted.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(names.Contains) / list.Count;
    }
}
