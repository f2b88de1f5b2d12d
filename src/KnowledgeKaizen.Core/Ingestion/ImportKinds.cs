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

    /// <summary>The format a file name implies; null when the extension says nothing.</summary>
    public static ImportFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => ImportFormat.Csv,
        ".json" or ".ndjson" or ".jsonl" => ImportFormat.Json,
        _ => null,
    };
}
