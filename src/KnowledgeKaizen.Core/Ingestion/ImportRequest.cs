namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>What to import and how.</summary>
/// <param name="Kind">The record kind the file holds.</param>
/// <param name="Format">CSV or JSON (array or NDJSON).</param>
/// <param name="Mode">All-or-nothing (default) or apply the valid rows.</param>
/// <param name="DryRun">Validate and count, then roll everything back.</param>
/// <param name="DateShift">Added to every date in the file (whole days; the demo data uses it to end yesterday).</param>
/// <param name="Mapping">For a file in another layout (a CRM's export): the mapping that translates it into the kind's columns.</param>
public sealed record ImportRequest(ImportKind Kind, ImportFormat Format, ImportMode Mode = ImportMode.AllOrNothing, bool DryRun = false,
    TimeSpan DateShift = default, Mapping.MappedImport? Mapping = null);
