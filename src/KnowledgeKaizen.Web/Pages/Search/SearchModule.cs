using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Search;
using KnowledgeKaizen.Search.Indexing;
using KnowledgeKaizen.Web.Hosting;

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
        api.MapGet("/suggest", (string? q, HttpContext http, PortalSearch search) =>
                Results.Ok(search.Suggest(q, http.User).Select(s => new
                {
                    text = s.Text,
                    kind = s.Kind == SearchSuggestionKind.Tag ? "tag" : "title",
                    type = s.Type,
                    url = s.Url,
                })))
            .RequireAuthorization(Policies.Reader);
        api.MapGet("/rebuild/{id:guid}", async (Guid id, SearchIndexMaintenance maintenance, CancellationToken ct) =>
                await maintenance.FindJobAsync(id, ct) is { } job
                    ? Results.Ok(new
                    {
                        status = job.Status.ToString(),
                        progress = job.IsFinished && job.Status == JobStatus.Succeeded ? 1 : job.Progress,
                        message = job.Message,
                        finished = job.IsFinished,
                    })
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rebuild job."))
            .RequireAuthorization(Policies.Admin);
        return routes;
    }
}
