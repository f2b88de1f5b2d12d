using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace KnowledgeKaizen.Testing;

/// <summary>A Razor page the portal maps: its path ("/Knowledge/Details"), route, policy, and whether anyone may open it.</summary>
public sealed record PortalPage(string Path, RoutePattern Route, string? Policy, bool Anonymous)
{
    /// <summary>
    /// Every page the running portal maps (except signing out), found from its endpoints, so tests that visit "every
    /// page" cover new pages without a list to keep.
    /// </summary>
    public static IReadOnlyList<PortalPage> All(IServiceProvider services) =>
        [.. services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null && e.Page.ViewEnginePath is not "/Account/Logout")
            .Select(e => new PortalPage(e.Page!.ViewEnginePath, e.Endpoint.RoutePattern,
                e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .DistinctBy(p => p.Path)];

    /// <summary>The URL with each route parameter filled by <paramref name="value"/> (optional ones left out when it gives null).</summary>
    public string Url(Func<RoutePatternParameterPart, string?> value)
    {
        var parts = Route.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => value(parameter) ?? string.Empty,
            _ => string.Empty,
        })));
        return "/" + string.Join("/", parts.Where(p => p.Length > 0));
    }

    /// <summary>A value no record has, so a page that may be opened answers 404 (never 500).</summary>
    public static string? Placeholder(RoutePatternParameterPart parameter) =>
        parameter.IsOptional ? null : parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "987654" : "no-such-item";
}
