namespace KnowledgeKaizen.Search;

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
