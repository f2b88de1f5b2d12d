using System.Net;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Web.Tests.Identity;

/// <summary>
/// Every page the app maps, tried anonymously and as each role: the policy it declares decides, and nothing
/// answers with a 500. New pages are covered automatically.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Fact]
    public async Task AnonymousUser_IsSentToSignIn_FromEveryProtectedPage()
    {
        var client = factory.CreateBrowserlessClient();
        foreach (var page in Pages())
        {
            var response = await client.GetAsync(page.Url);
            if (page.Anonymous)
            {
                Assert.True((int)response.StatusCode < 500, $"{page.Url} answered {(int)response.StatusCode}");
                continue;
            }

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task EachRole_ReachesExactlyThePagesItsPoliciesAllow(string role)
    {
        var email = $"{role.ToLowerInvariant()}@matrix.test";
        await factory.EnsureUserAsync(email, role);
        var client = await factory.SignInAsync(email, PortalFactory.UserPassword);
        var checkedProtected = 0;
        foreach (var page in Pages().Where(p => !p.Anonymous))
        {
            var response = await client.GetAsync(page.Url);
            var allowed = Policies.RolesFor[page.Policy!].Contains(role);
            if (allowed)
            {
                Assert.False(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal),
                    $"{role} was denied {page.Url} although policy {page.Policy} allows it");
                Assert.True((int)response.StatusCode < 500, $"{page.Url} answered {(int)response.StatusCode} for {role}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }

            checkedProtected++;
        }

        Assert.True(checkedProtected >= 5, "The page list looks empty; endpoint discovery is broken.");
    }

    [Fact]
    public async Task SignedInUserWithoutAnyRole_IsDenied()
    {
        await factory.EnsureUserAsync("norole@matrix.test");
        var client = await factory.SignInAsync("norole@matrix.test", PortalFactory.UserPassword);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDeniedPage_Answers403WithAFriendlyPage()
    {
        var client = factory.CreateBrowserlessClient();
        var response = await client.GetAsync("/Account/AccessDenied");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("data-testid=\"access-denied\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record PageUnderTest(string Url, string? Policy, bool Anonymous);

    private IEnumerable<PageUnderTest> Pages()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e =>
            {
                var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var policy = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
                return new PageUnderTest(UrlFor(e.RoutePattern), policy, anonymous);
            })
            .Where(p => p.Url is not "/Logout" and not "/Account/Logout")
            .DistinctBy(p => p.Url)
            .ToList();
    }

    /// <summary>Fills route parameters with a value no record has, so allowed pages answer 404, never 500.</summary>
    private static string UrlFor(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var parts = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                parameter.IsOptional ? string.Empty : (parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "987654" : "no-such-item"),
            _ => string.Empty,
        })));
        return "/" + string.Join("/", parts.Where(p => p.Length > 0));
    }
}
