namespace KnowledgeKaizen.Search;

/// <summary>Another language version of a hit's document.</summary>
public sealed record SearchHitVersion(string Type, string Key, string Language, string Title, string? Url);
