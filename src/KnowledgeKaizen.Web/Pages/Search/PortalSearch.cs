using KnowledgeKaizen.Core.Analytics;
using KnowledgeKaizen.Search;
using KnowledgeKaizen.Search.Indexing;

namespace KnowledgeKaizen.Web.Pages.Search;

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
