using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// How to read a file that is not in the portal's own layout (a CRM's export): which of its columns gives each of the
/// portal's fields and how its values translate, which rows are no portal records, and for stage history how to derive
/// the rows from "stage changed" events. Presets and the mappings Admins save share this one format (JSON, see
/// docs/data-formats.md); the mapping runs in front of the import pipeline, which then sees the portal's columns.
/// </summary>
public sealed record ImportMapping
{
    /// <summary>How the API (<c>?mapping=</c>) and the command line (<c>--mapping</c>) name it: letters, digits, '-', '_', '.'.</summary>
    public required string Name { get; init; }

    /// <summary>The portal kind it produces, as its slug ("opportunities", "stage-history").</summary>
    public required string Kind { get; init; }

    /// <summary>What a person reads, in the portal's words: "Opportunity history" (a preset's is translated and shown after its vendor).</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The vendor's own name of the file, object or table the layout reads, as the reader finds it in the export
    /// ("OpportunityHistory (Data Loader)", "incident"): data, shown as written in every language.
    /// </summary>
    public string? File { get; init; }

    /// <summary>The CRM the layout comes from, when it is a vendor's.</summary>
    public string? Vendor { get; init; }

    /// <summary>Header columns that identify the layout; detection needs all of them.</summary>
    public IReadOnlyList<string> Detect { get; init; } = [];

    /// <summary>
    /// The time zone of date-times without an offset (an IANA or Windows id, or "+08:00"); UTC when empty. Date-only
    /// values are taken as that calendar date with no shift.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>Other files of the same export the mapping reads values from (case comments, leads, audit rows).</summary>
    public IReadOnlyList<CompanionFile> Companions { get; init; } = [];

    /// <summary>A row is imported only when every condition holds; the others are left out and counted, never problems.</summary>
    public IReadOnlyList<Condition> Keep { get; init; } = [];

    /// <summary>One portal row per element of this (JSON array) value, e.g. an engagement associated with two deals.</summary>
    public FieldRule? Each { get; init; }

    /// <summary>Portal field (the kind's column name) → where its value comes from. Unnamed fields stay empty.</summary>
    public IReadOnlyDictionary<string, FieldRule> Fields { get; init; } = new Dictionary<string, FieldRule>();

    /// <summary>For stage history only: derive the rows from stage-change events instead of mapping row by row.</summary>
    public StageDerivationRule? Derive { get; init; }

    /// <summary>Who saved it (saved mappings only).</summary>
    public string? SavedBy { get; init; }

    public DateTimeOffset? SavedAt { get; init; }

    /// <summary>The kind, parsed.</summary>
    [JsonIgnore]
    public ImportKind ImportKind => ImportKinds.TryParse(Kind, out var kind) ? kind : throw new InvalidOperationException($"Unknown kind '{Kind}'.");

    public string ToJson() => JsonSerializer.Serialize(this, MappingJson.Options);

    /// <exception cref="JsonException">The text is not a mapping.</exception>
    public static ImportMapping FromJson(string json) =>
        JsonSerializer.Deserialize<ImportMapping>(json, MappingJson.Options) ?? throw new JsonException(ImportMessages.MappingEmpty);
}

/// <summary>Another file of the same export, read whole and used for lookups.</summary>
public sealed record CompanionFile
{
    /// <summary>How rules refer to it, and the API's multipart field / the command line's <c>--companion name=path</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What a person reads, in the portal's words: "Case comments".</summary>
    public string? Title { get; init; }

    /// <summary>The vendor's own name of the file ("CaseComment"): data, shown as written in every language.</summary>
    public string? File { get; init; }

    /// <summary>For messages: "Case comments (CaseComment)".</summary>
    [JsonIgnore]
    public string Description => Title is null ? Name : File is null ? Title : $"{Title} ({File})";

    /// <summary>Header columns the file must have.</summary>
    public IReadOnlyList<string> Detect { get; init; } = [];
}

/// <summary>
/// Where one value comes from and how it is translated. Exactly one source: <c>column</c>, <c>value</c>,
/// <c>template</c>, <c>field</c>, <c>element</c>, <c>lookup</c> or <c>coalesce</c>.
/// Then, for a non-empty value: <c>json</c> → <c>rule</c> → <c>values</c> → <c>format</c>.
/// </summary>
public sealed record FieldRule
{
    /// <summary>A column of the file (header names compare case-insensitively); several names are alternatives, the first present wins.</summary>
    [JsonConverter(typeof(OneOrManyConverter))]
    public IReadOnlyList<string>? Column { get; init; }

    /// <summary>A fixed value.</summary>
    public string? Value { get; init; }

    /// <summary>Text with <c>{Column}</c> placeholders (and <c>{each}</c> for the element of <c>each</c>).</summary>
    public string? Template { get; init; }

    /// <summary>The value another portal field was mapped to.</summary>
    public string? Field { get; init; }

    /// <summary>The element of <c>each</c> this row was made for.</summary>
    public bool Element { get; init; }

    /// <summary>A value from a portal table or a companion file.</summary>
    public LookupRule? Lookup { get; init; }

    /// <summary>The first of these that gives a value.</summary>
    public IReadOnlyList<FieldRule>? Coalesce { get; init; }

    /// <summary>Only when this holds; otherwise the value is empty.</summary>
    public Condition? When { get; init; }

    /// <summary>A path into a JSON value: "0" (first element), "0.name", "*" (every element, for <c>each</c>).</summary>
    public string? Json { get; init; }

    /// <summary>A portal rule: segment, category, salesforce-id18, survey-type, survey-score (docs/data-formats.md).</summary>
    public string? Rule { get; init; }

    /// <summary>The survey type for the survey rules (NPS, CSAT, CES).</summary>
    public FieldRule? Survey { get; init; }

    /// <summary>Their value → the portal's (keys compare case-insensitively).</summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }

    /// <summary>The value for one missing from <c>values</c>; without it such a value is a problem naming the column.</summary>
    public string? Otherwise { get; init; }

    /// <summary>A date or date-time format ("M/d/yyyy", "yyyy-MM-dd HH:mm", "epoch-ms", "epoch-s"); ISO 8601 when empty.</summary>
    public string? Format { get; init; }

    /// <summary>The value when the source is empty.</summary>
    public string? IfEmpty { get; init; }

    /// <summary>Note every row that used <c>ifEmpty</c> (a required value the export often lacks).</summary>
    public bool NoteIfEmpty { get; init; }

    public static FieldRule FromColumn(string column) => new() { Column = [column] };
}

/// <summary>
/// A value from elsewhere: a portal table already imported (<c>customers</c>, <c>reps</c>) or a companion file. The
/// looked-up rows are those whose <c>match</c> column equals <c>key</c> and that pass <c>where</c>;
/// <c>pick</c> chooses one (by <c>orderBy</c>), and <c>take</c> is the value.
/// </summary>
public sealed record LookupRule
{
    /// <summary><c>customers</c>, <c>reps</c> or a companion's name.</summary>
    public required string In { get; init; }

    /// <summary>The looked-up table's column compared with the key; <c>external_id</c> when empty.</summary>
    public string? Match { get; init; }

    /// <summary>The value to find.</summary>
    public required FieldRule Key { get; init; }

    public IReadOnlyList<Condition> Where { get; init; } = [];

    /// <summary>A date column of the looked-up rows to choose by.</summary>
    public string? OrderBy { get; init; }

    /// <summary><c>first</c> (earliest; the default) or <c>last</c>.</summary>
    public string? Pick { get; init; }

    /// <summary>Only rows whose <c>orderBy</c> is not after this value of the row being mapped.</summary>
    public FieldRule? NotAfter { get; init; }

    /// <summary>The column of the looked-up row to take.</summary>
    public required string Take { get; init; }
}

/// <summary>
/// A test on one value: a file column, a mapped portal field or the <c>each</c> element; or a
/// combination (<c>any</c>, <c>all</c>, <c>not</c>). Text compares trimmed and case-insensitively.
/// </summary>
public sealed record Condition
{
    [JsonConverter(typeof(OneOrManyConverter))]
    public IReadOnlyList<string>? Column { get; init; }

    public string? Field { get; init; }

    [JsonPropertyName("equals")]
    public string? EqualTo { get; init; }

    public IReadOnlyList<string>? In { get; init; }

    public IReadOnlyList<string>? NotIn { get; init; }

    public string? StartsWith { get; init; }

    /// <summary>True: the value is empty; false: it is not.</summary>
    public bool? Empty { get; init; }

    public IReadOnlyList<Condition>? Any { get; init; }

    public IReadOnlyList<Condition>? All { get; init; }

    public Condition? Not { get; init; }
}

/// <summary>How stage-history rows are derived from a CRM's stage changes (docs/data-formats.md, "Deriving stage history").</summary>
public sealed record StageDerivationRule
{
    /// <summary>
    /// <c>events</c>: one row per change with the new stage; <c>field-history</c>: rows with a field name and old and new
    /// values; <c>entered-columns</c>: one row per opportunity with a "date entered" column per stage.
    /// </summary>
    public required string Shape { get; init; }

    /// <summary>The opportunity's id.</summary>
    public required FieldRule Opportunity { get; init; }

    /// <summary>When the change happened (events, field-history).</summary>
    public FieldRule? At { get; init; }

    /// <summary>The new stage (events).</summary>
    public FieldRule? Stage { get; init; }

    /// <summary>The changed field's name (field-history).</summary>
    public FieldRule? FieldName { get; init; }

    /// <summary>Field names whose values are stages (field-history).</summary>
    public IReadOnlyList<string> StageFields { get; init; } = [];

    public FieldRule? OldValue { get; init; }

    public FieldRule? NewValue { get; init; }

    /// <summary>Field names whose values are states (field-history), with <c>states</c>.</summary>
    public IReadOnlyList<string> StateFields { get; init; } = [];

    /// <summary>State value → <c>won</c>, <c>lost</c>, <c>reopened</c> (an event for the stage the deal is in) or <c>ignore</c>.</summary>
    public IReadOnlyDictionary<string, string>? States { get; init; }

    /// <summary>Header patterns of the date-entered columns with a <c>{stage}</c> placeholder (entered-columns).</summary>
    public IReadOnlyList<string> EnteredColumns { get; init; } = [];

    /// <summary>Date format of <c>enteredColumns</c>.</summary>
    public string? EnteredFormat { get; init; }

    /// <summary>
    /// A companion listing every opportunity with its current stage (field-history): an opportunity whose stage never
    /// changed starts there, and one missing from the history still gets its rows.
    /// </summary>
    public RecordsRule? Records { get; init; }

    /// <summary>Vendor stage value → a portal stage code, <c>won</c>, <c>lost</c> or <c>ignore</c>.</summary>
    public required IReadOnlyDictionary<string, string> Stages { get; init; }
}

/// <summary>The companion with the current opportunity records (<c>records</c>).</summary>
public sealed record RecordsRule
{
    public required string Companion { get; init; }

    public required string Id { get; init; }

    public required string Stage { get; init; }
}
