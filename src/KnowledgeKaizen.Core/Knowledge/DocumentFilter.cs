namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Filter of a document list; null fields do not filter.</summary>
public sealed record DocumentFilter(DocumentKind? Kind = null, string? Stage = null, string? Tag = null, DocumentStatus? Status = null,
    string? Language = null, bool OnlyMine = false);
