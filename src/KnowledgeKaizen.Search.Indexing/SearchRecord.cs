namespace KnowledgeKaizen.Search.Indexing;

/// <summary>A service case or feedback item as a search hit opens it (read-only).</summary>
public sealed record SearchRecord(string Type, string Key, string Title, DateTime At, string? Category, string? Status,
    IReadOnlyList<(string Label, string Text)> Sections);
