namespace KnowledgeKaizen.Core.Ingestion;

public static class ImportKinds
{
    /// <summary>The order files must load in: each kind refers only to kinds before it.</summary>
    public static readonly IReadOnlyList<ImportKind> LoadOrder =
    [
        ImportKind.Stages, ImportKind.Reps, ImportKind.Customers, ImportKind.Opportunities,
        ImportKind.StageHistory, ImportKind.Activities, ImportKind.ServiceCases, ImportKind.Feedback,
    ];

    /// <summary>The URL and file name form, e.g. "stage-history".</summary>
    public static string Slug(this ImportKind kind) => kind switch
    {
        ImportKind.StageHistory => "stage-history",
        ImportKind.ServiceCases => "service-cases",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? slug, out ImportKind kind)
    {
        foreach (var k in LoadOrder)
        {
            if (string.Equals(k.Slug(), slug, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The columns of a kind in template order; required ones are marked.</summary>
    public static IReadOnlyList<ColumnSpec> Columns(this ImportKind kind) => RowMapper.For(kind).Columns;

    /// <summary>
    /// The kind a CSV header row most likely belongs to: of the kinds whose required columns are all there, the one whose
    /// columns overlap the header most (shared names such as external_id count for every kind). Null when none fits.
    /// </summary>
    public static ImportKind? Detect(string? headerLine)
    {
        var header = HeaderColumns(headerLine);
        return LoadOrder.Where(kind => Fits(kind, header))
            .Select(kind => (Kind: kind, Overlap: (double)kind.Columns().Count(c => header.Contains(c.Name)) / header.Union(kind.Columns().Select(c => c.Name)).Count()))
            .OrderByDescending(k => k.Overlap)
            .Select(k => (ImportKind?)k.Kind)
            .FirstOrDefault();
    }

    /// <summary>Whether a CSV header row has every column the kind requires.</summary>
    public static bool Fits(this ImportKind kind, string? headerLine) => Fits(kind, HeaderColumns(headerLine));

    private static bool Fits(ImportKind kind, HashSet<string> header) =>
        header.Count > 0 && kind.Columns().Where(c => c.Required).All(c => header.Contains(c.Name));

    private static HashSet<string> HeaderColumns(string? headerLine) =>
        (headerLine ?? string.Empty).TrimStart('\uFEFF').Split(',')
            .Select(c => c.Trim().Trim('"').Trim().ToLowerInvariant()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>The format a file name implies; null when the extension says nothing.</summary>
    public static ImportFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => ImportFormat.Csv,
        ".json" or ".ndjson" or ".jsonl" => ImportFormat.Json,
        _ => null,
    };
}
