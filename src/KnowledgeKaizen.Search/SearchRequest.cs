namespace KnowledgeKaizen.Search;

/// <summary>
/// A search as a user typed it. <see cref="Text"/> is always treated as plain words and "quoted phrases":
/// field syntax, wildcards and operators typed by a user have no special meaning.
/// Filters are OR within one list and AND across lists.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>Words and "quoted phrases"; empty lists everything visible (newest first unless sorted otherwise).</summary>
    public string? Text { get; init; }

    /// <summary>Who is searching; only documents visible to this reader are counted or returned.</summary>
    public required SearchReader Reader { get; init; }

    public IReadOnlyCollection<string> Types { get; init; } = [];

    public IReadOnlyCollection<string> Stages { get; init; } = [];

    public IReadOnlyCollection<string> Tags { get; init; } = [];

    public IReadOnlyCollection<string> Statuses { get; init; } = [];

    public IReadOnlyCollection<string> Languages { get; init; } = [];

    public IReadOnlyCollection<string> Authors { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>"en" or "zh": the version shown for a document whose versions in both languages matched.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>Only the documents of this group (a hit's <see cref="SearchHit.Group"/>), each as its own result.</summary>
    public string? Group { get; init; }

    public int Skip { get; init; }

    /// <summary>Page size, clamped to 1..<see cref="MaxTake"/>.</summary>
    public int Take { get; init; } = 10;

    /// <summary>Count facet values over all matching documents (costs a little per match).</summary>
    public bool IncludeFacets { get; init; } = true;

    /// <summary>Build highlighted title and snippet HTML for the returned page.</summary>
    public bool Highlight { get; init; } = true;

    /// <summary>Values shown per facet.</summary>
    public int FacetLimit { get; init; } = 20;

    public const int MaxTake = 100;
}
