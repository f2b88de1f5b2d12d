using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>A results page with the id its clicks are logged under (null when the search was not logged).</summary>
public sealed record SearchPage(SearchQuery Query, SearchResult Result, long? QueryId)
{
    public int Page => Math.Clamp(Query.Page, 1, SearchQuery.MaxPage);

    public int PageCount => Math.Min(SearchQuery.MaxPage, (Result.TotalHits + SearchQuery.PageSize - 1) / SearchQuery.PageSize);

    /// <summary>1-based position of a hit on this page across all pages.</summary>
    public int Position(int indexOnPage) => ((Page - 1) * SearchQuery.PageSize) + indexOnPage + 1;
}
