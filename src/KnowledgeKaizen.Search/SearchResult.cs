namespace KnowledgeKaizen.Search;

/// <summary>One page of results, with facet counts over all matches and any notices for the user.</summary>
public sealed record SearchResult
{
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>All matching visible documents (not only this page).</summary>
    public required int TotalHits { get; init; }

    public required SearchFacets Facets { get; init; }

    /// <summary>A corrected query built from the index's own words, when the query found little or nothing.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>What the engine did with the query that the user should know (truncated, relaxed, corrected…).</summary>
    public IReadOnlyList<SearchNotice> Notices { get; init; } = [];

    public static SearchResult Empty(params SearchNotice[] notices) =>
        new() { Hits = [], TotalHits = 0, Facets = SearchFacets.None, Notices = notices };
}
