namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// Filter of a document list; null fields do not filter. Without a <see cref="Language"/>, a
/// <see cref="PreferredLanguage"/> lists each document once: in that language, or in the other one when only that
/// version matches.
/// </summary>
public sealed record DocumentFilter(DocumentKind? Kind = null, string? Stage = null, string? Tag = null, DocumentStatus? Status = null,
    string? Language = null, bool OnlyMine = false, string? PreferredLanguage = null);
