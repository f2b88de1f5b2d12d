namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Another language's version of a document: same kind and slug, its own id and title.</summary>
public sealed record LanguageVersion(int Id, string Language, string Title);
