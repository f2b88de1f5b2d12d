namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>The mapping an import applies, as it was when the import was sent, with the companion files sent along.</summary>
public sealed record AppliedMapping(ImportMapping Mapping, IReadOnlyList<StoredCompanion> Companions);

/// <summary>A companion file kept in the file store for an import.</summary>
/// <param name="Name">The companion's name in the mapping.</param>
/// <param name="FileName">The name the file had when it was sent.</param>
/// <param name="StoredFile">Where it is kept ("imports/…").</param>
public sealed record StoredCompanion(string Name, string FileName, string StoredFile);
