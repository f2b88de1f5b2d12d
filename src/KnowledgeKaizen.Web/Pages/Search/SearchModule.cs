using KnowledgeKaizen.Search;
using KnowledgeKaizen.Search.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeKaizen.Web.Pages.Search;

public static class SearchModule
{
    /// <summary>The search pages: the facade that runs a reader's search and logs it, the term map's, and the menu entries.</summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services)
    {
        services.AddScoped<PortalSearch>();
        services.AddScoped<TermMapDesk>();
        services.AddNavItem(new NavItem("Search analytics", "/Search/Analytics", Policies.KnowledgeManager, NavOrder.SearchAnalytics, "graph-up-arrow", NavGroup.Insights));
        services.AddNavItem(new NavItem("Term map", "/Search/Terms", Policies.KnowledgeManager, NavOrder.TermMap, "translate", NavGroup.Knowledge));
        services.AddNavItem(new NavItem("Search index", "/Admin/SearchIndex", Policies.Admin, NavOrder.SearchIndex, "search", NavGroup.Admin));
        return services;
    }

    /// <summary><c>/api/v1/search</c>: type-ahead for every reader, rebuild progress for Admins.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/search");
        api.MapGet("/suggest", Ok<List<SearchSuggestionItem>> (string? q, HttpContext http, PortalSearch search) =>
                TypedResults.Ok(search.Suggest(q, http.User)
                    .Select(s => new SearchSuggestionItem(s.Text, s.Kind == SearchSuggestionKind.Tag ? "tag" : "title", s.Type, s.Url)).ToList()))
            .RequireAuthorization(Policies.Reader);
        api.MapGet("/rebuild/{id:guid}", async Task<Results<Ok<RebuildState>, ProblemHttpResult>> (Guid id, SearchIndexMaintenance maintenance, CancellationToken ct) =>
                await maintenance.FindJobAsync(id, ct) is { } job
                    ? TypedResults.Ok(new RebuildState(job.Status.ToString(), job.IsFinished && job.Status == JobStatus.Succeeded ? 1 : job.Progress, job.Message,
                        job.IsFinished))
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rebuild job."))
            .RequireAuthorization(Policies.Admin);
        return routes;
    }
}

/// <summary>A type-ahead suggestion: its text, whether it is a tag or a title, the document type and where it leads.</summary>
public sealed record SearchSuggestionItem(string Text, string Kind, string? Type, string? Url);

/// <summary>The progress of an index rebuild.</summary>
public sealed record RebuildState(string Status, double Progress, string? Message, bool Finished);
