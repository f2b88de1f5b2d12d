namespace KnowledgeKaizen.Search;

/// <summary>Settings for <see cref="LuceneSearchIndex"/>, bound from the "Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Folder that holds the index generations (created if missing). Required.</summary>
    public string IndexPath { get; set; } = "";

    /// <summary>Threads used by a rebuild; Lucene indexes segments in parallel.</summary>
    public int IndexingThreads { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Longer queries are cut to this many characters (with a notice).</summary>
    public int MaxQueryLength { get; set; } = 256;

    /// <summary>
    /// Result pages kept for repeated searches until the index or term map changes (a minute at most); 0 turns the
    /// cache off. Each holds one page of hits with their snippets and the facet counts, a few KB.
    /// </summary>
    public int ResultCacheEntries { get; set; } = 1000;
}
