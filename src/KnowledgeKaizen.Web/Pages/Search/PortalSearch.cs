using System.Security.Claims;
using KnowledgeKaizen.Core.Analytics;
using KnowledgeKaizen.Search;
using KnowledgeKaizen.Search.Indexing;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>
/// What the search page asked for, as it travels in the URL: words, facet filters, sort and page. Values a
/// user could tamper with are clamped here; the engine treats the words as plain text.
/// </summary>
public sealed record SearchQuery
{
    public const int PageSize = 10;
    public const int MaxPage = 50;
    public const int MaxFilterValues = 10;

    public string? Text { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Stages { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Statuses { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Authors { get; init; } = [];

    public SearchSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public bool HasFilters => Types.Count + Stages.Count + Tags.Count + Statuses.Count + Languages.Count + Authors.Count > 0;

    public static IReadOnlyList<string> Clean(IEnumerable<string?>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())
            .Where(v => v.Length <= 100).Distinct(StringComparer.Ordinal).Take(MaxFilterValues).ToList();

    internal SearchRequest ToRequest(SearchReader reader) => new()
    {
        Text = Text,
        Reader = reader,
        Types = Types,
        Stages = Stages,
        Tags = Tags,
        Statuses = Statuses,
        Languages = Languages,
        Authors = Authors,
        Sort = Sort,
        Skip = (Math.Clamp(Page, 1, MaxPage) - 1) * PageSize,
        Take = PageSize,
    };
}

/// <summary>A results page with the id its clicks are logged under (null when the search was not logged).</summary>
public sealed record SearchPage(SearchQuery Query, SearchResult Result, long? QueryId)
{
    public int Page => Math.Clamp(Query.Page, 1, SearchQuery.MaxPage);

    public int PageCount => Math.Min(SearchQuery.MaxPage, (Result.TotalHits + SearchQuery.PageSize - 1) / SearchQuery.PageSize);

    /// <summary>1-based position of a hit on this page across all pages.</summary>
    public int Position(int indexOnPage) => ((Page - 1) * SearchQuery.PageSize) + indexOnPage + 1;
}

/// <summary>Runs a user's search over what their roles (and drafts) allow, and logs first-page searches for analytics.</summary>
public sealed class PortalSearch(ISearchIndex index, SearchAnalytics analytics, ILogger<PortalSearch> logger)
{
    public const int SuggestionCount = 8;

    public async Task<SearchPage> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var reader = SearchVisibilityRules.ReaderFor(user);
        var result = index.Search(query.ToRequest(reader));
        long? queryId = null;
        if (query.Page <= 1 && reader.UserId is { } userId)
        {
            try
            {
                queryId = await analytics.RecordQueryAsync(query.Text, userId, result.TotalHits, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Analytics must never cost the user their results.
                logger.LogWarning(ex, "Could not log a search");
            }
        }

        return new SearchPage(query, result, queryId);
    }

    public IReadOnlyList<SearchSuggestion> Suggest(string? prefix, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(prefix) || prefix.Length > 100)
        {
            return [];
        }

        return index.Suggest(prefix.Trim(), SuggestionCount, SearchVisibilityRules.ReaderFor(user));
    }
}
