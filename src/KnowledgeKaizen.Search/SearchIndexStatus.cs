namespace KnowledgeKaizen.Search;

/// <summary>What the engine found when it opened its index; the host rebuilds unless it is <see cref="SearchIndexHealth.Ready"/>.</summary>
public sealed record SearchIndexStatus(
    SearchIndexHealth Health,
    int? SchemaVersion,
    string? Marker,
    DateTimeOffset? BuiltAt,
    string? Problem)
{
    /// <summary>True when the index is missing, corrupt, built by another schema or for another marker.</summary>
    public bool NeedsRebuild(string expectedMarker) =>
        Health != SearchIndexHealth.Ready
        || SchemaVersion != IndexSchema.Version
        || !string.Equals(Marker, expectedMarker, StringComparison.Ordinal);
}

public enum SearchIndexHealth
{
    /// <summary>An index was opened and carries this engine's schema version.</summary>
    Ready,

    /// <summary>No index existed; an empty one was created.</summary>
    Missing,

    /// <summary>The files could not be read; an empty index was created beside them and is served until a rebuild.</summary>
    Corrupt,

    /// <summary>The index was written by another schema version (field layout or analysis changed).</summary>
    Stale,
}

/// <summary>Version of the field layout and analysis; bump it whenever indexed fields or analyzers change.</summary>
public static class IndexSchema
{
    public const int Version = 3;
}
