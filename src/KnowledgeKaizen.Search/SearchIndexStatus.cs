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
