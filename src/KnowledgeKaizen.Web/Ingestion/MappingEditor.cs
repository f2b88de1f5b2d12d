namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>A portal column on the mapping page: the file column it takes (editable) or the rule it follows (read-only).</summary>
/// <param name="Field">The portal column.</param>
/// <param name="Required">Whether the portal requires it.</param>
/// <param name="Column">The file column, for a rule the page edits.</param>
/// <param name="Rule">Where the value comes from, for a rule edited in the JSON ("AccountId → customers.industry").</param>
/// <param name="IsDate">A date column (it takes a format).</param>
/// <param name="Format">The date format.</param>
public sealed record FieldRow(string Field, bool Required, string? Column, string? Rule, bool IsDate, string? Format);

/// <summary>A value of the file and what the mapping turns it into, for a column with a value map or a vocabulary.</summary>
/// <param name="Field">The portal column.</param>
/// <param name="From">A value in the file.</param>
/// <param name="To">What it becomes; null when not mapped yet.</param>
/// <param name="Allowed">The portal's values for the column; null when it is free text.</param>
public sealed record ValueRow(string Field, string From, string? To, IReadOnlyList<string>? Allowed);

/// <summary>What the mapping page shows of a mapping: one row per portal column, and the value maps it can edit.</summary>
public static class MappingEditor
{
    private const int MaxValues = 40;

    public static IReadOnlyList<FieldRow> Fields(MappingView view)
    {
        var kind = view.Upload.Kind;
        var rules = new Dictionary<string, FieldRule>(view.Mapping.Fields, StringComparer.OrdinalIgnoreCase);
        return kind.Columns().Select((c, i) =>
        {
            rules.TryGetValue(c.Name, out var rule);
            var simple = rule is null || MappingPages.IsSimple(rule);
            var described = view.Preview?.Columns.ElementAtOrDefault(i) ?? c.Name;
            return new FieldRow(c.Name, c.Required, simple ? rule?.Column?[0] : null, simple ? null : Source(described, c.Name, rule),
                PortalValues.IsDate(c.Name), rule?.Format);
        }).ToList();
    }

    /// <summary>Value rows for every editable column with a vocabulary or a map: the file's values, and the map's other entries.</summary>
    public static IReadOnlyList<ValueRow> Values(MappingView view)
    {
        var rows = new List<ValueRow>();
        foreach (var field in Fields(view).Where(f => f.Column is not null))
        {
            var rule = view.Mapping.Fields.First(kv => kv.Key.Equals(field.Field, StringComparison.OrdinalIgnoreCase)).Value;
            var allowed = PortalValues.Allowed(view.Upload.Kind, field.Field);
            if (allowed is null && rule.Values is null)
            {
                continue;
            }

            var index = view.Sample.Header.ToList().FindIndex(h => h.Equals(field.Column, StringComparison.OrdinalIgnoreCase));
            var seen = index < 0 ? [] : view.Sample.Values(index);
            var map = rule.Values ?? new Dictionary<string, string>();
            var from = seen.Concat(map.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxValues);
            rows.AddRange(from.Select(v => new ValueRow(field.Field, v, map.FirstOrDefault(kv => kv.Key.Equals(v, StringComparison.OrdinalIgnoreCase)).Value, allowed)));
        }

        return rows;
    }

    /// <summary>
    /// A mapping's title in the reader's language: a preset's is its vendor and its translated title ("Salesforce: Opportunity
    /// history"); a saved mapping keeps its own. The vendor's file name (<see cref="ImportMapping.File"/>) is shown apart, as data.
    /// </summary>
    public static string Title(this IStringLocalizer localizer, ImportMapping mapping) =>
        mapping.Title is null ? mapping.Name
        : !MappingLibrary.IsPreset(mapping.Name) ? mapping.Title
        : mapping.Vendor is null ? localizer[mapping.Title]
        : localizer["{0}: {1}", mapping.Vendor, localizer[mapping.Title]];

    /// <summary>A companion file's title in the reader's language (the presets' are translated; a title without a translation stays as written).</summary>
    public static string Title(this IStringLocalizer localizer, CompanionFile companion) =>
        companion.Title is null ? companion.Name : localizer[companion.Title];

    private static string Source(string described, string field, FieldRule? rule)
    {
        var prefix = field + " (";
        return described.StartsWith(prefix, StringComparison.Ordinal) && described.EndsWith(')')
            ? described[prefix.Length..^1]
            : rule?.Value is { } constant ? $"\"{constant}\"" : "…";
    }
}
