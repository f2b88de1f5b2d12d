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

/// <summary>A matching document. HTML properties are safe to render: all text is escaped except the &lt;mark&gt; tags.</summary>
public sealed record SearchHit
{
    public required string Type { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public string? Url { get; init; }

    public string? Summary { get; init; }

    public required string Status { get; init; }

    public required string Language { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Stages { get; init; } = [];

    public float Score { get; init; }

    /// <summary>Escaped title with matches wrapped in &lt;mark&gt;.</summary>
    public required string TitleHtml { get; init; }

    /// <summary>Escaped best passage of the body (Markdown stripped) with matches wrapped in &lt;mark&gt;.</summary>
    public required string SnippetHtml { get; init; }
}

/// <summary>Facet counts over all matching visible documents, most frequent first.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types,
    IReadOnlyList<FacetValue> Stages,
    IReadOnlyList<FacetValue> Tags,
    IReadOnlyList<FacetValue> Statuses,
    IReadOnlyList<FacetValue> Languages,
    IReadOnlyList<FacetValue> Authors)
{
    public static SearchFacets None { get; } = new([], [], [], [], [], []);
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchNotice(SearchNoticeKind Kind, string Message);

public enum SearchNoticeKind
{
    /// <summary>The query was longer than the limit and was cut.</summary>
    QueryTruncated,

    /// <summary>The query held only very common words (or no words at all), so nothing was searched.</summary>
    NoSearchableWords,

    /// <summary>No document held all words; results hold any of them.</summary>
    RelaxedToAnyWord,

    /// <summary>Nothing matched; results are for the suggested spelling.</summary>
    ShowingCorrected,

    /// <summary>Nothing matched exactly; results are for similar spellings.</summary>
    ShowingSimilar,
}

/// <summary>A type-ahead entry: a visible document's title or a tag.</summary>
public sealed record SearchSuggestion(string Text, SearchSuggestionKind Kind, string? Type = null, string? Key = null, string? Url = null);

public enum SearchSuggestionKind
{
    Title,
    Tag,
}
