namespace KnowledgeKaizen.Search;

/// <summary>A type-ahead entry: a visible document's title or a tag.</summary>
public sealed record SearchSuggestion(string Text, SearchSuggestionKind Kind, string? Type = null, string? Key = null, string? Url = null);
