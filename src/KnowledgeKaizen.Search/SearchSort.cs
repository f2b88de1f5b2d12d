namespace KnowledgeKaizen.Search;

public enum SearchSort
{
    /// <summary>BM25 with field boosts, then a small freshness and helpfulness nudge on the top window.</summary>
    Relevance,

    /// <summary>Most recently updated first.</summary>
    Newest,
}
