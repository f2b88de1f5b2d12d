using AngleSharp.Html.Parser;
using KnowledgeKaizen.Web.Tests.Data;

namespace KnowledgeKaizen.Web.Tests.Identity;

/// <summary>
/// Every page the app maps, tried anonymously and as each role: the policy it declares decides, and nothing
/// answers with a 500. New pages are covered automatically. Run on both databases: SQLite with an empty install, and
/// PostgreSQL with the demo data (so every page also renders real rows there).
/// </summary>
public abstract class AuthorizationMatrixTests(PortalFactory factory)
{
    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Fact]
    public async Task AnonymousUser_IsSentToSignIn_FromEveryProtectedPage()
    {
        var client = factory.CreateBrowserlessClient();
        var pages = Pages();

        var outcomes = await OutcomesAsync(client, pages);

        Assert.Equal(pages.Select(p => $"{p.Url}: {(p.Anonymous ? Allowed : SignIn)}"), outcomes);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task EachRole_ReachesExactlyThePagesItsPoliciesAllow(string role)
    {
        var client = await ClientAsync(role);
        var pages = Pages().Where(p => !p.Anonymous).ToList();

        var outcomes = await OutcomesAsync(client, pages);

        Assert.True(pages.Count >= 5, "The page list looks empty; endpoint discovery is broken.");
        Assert.Equal(pages.Select(p => $"{p.Url}: {(Policies.RolesFor[p.Policy!].Contains(role) ? Allowed : Denied)}"), outcomes);
    }

    /// <summary>
    /// The CSP forbids inline script, so a page must not rely on any: every page, rendered for every role that may
    /// open it (anonymous pages without sign-in), has no inline &lt;script&gt;, no on* handler attribute, no
    /// javascript: URL, and loads scripts and styles only from the portal itself.
    /// </summary>
    [Fact]
    public async Task EveryPage_ForEveryRoleThatMayOpenIt_HasNoInlineScript()
    {
        var views = new List<(string Url, string Viewer)>();
        foreach (var page in Pages())
        {
            views.AddRange(page.Anonymous ? [(page.Url, "anonymous")] : Policies.RolesFor[page.Policy!].Select(role => (page.Url, role)));
        }

        var problems = new List<string>();
        var rendered = 0;
        foreach (var (url, viewer) in views)
        {
            var client = viewer == "anonymous" ? factory.CreateBrowserlessClient() : await ClientAsync(viewer);
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            rendered += response.Content.Headers.ContentType?.MediaType == "text/html" ? 1 : 0;
            problems.AddRange(ScriptProblems(html).Select(problem => $"{url} as {viewer}: {problem}"));
        }

        Assert.Empty(problems);
        Assert.True(rendered >= views.Count / 2, $"only {rendered} of {views.Count} page views rendered HTML");
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
        Assert.Contains("data-testid=\"access-denied\"", await response.BodyAsync(HttpStatusCode.Forbidden), StringComparison.Ordinal);
    }

    private const string Allowed = "answers";
    private const string Denied = "access denied";
    private const string SignIn = "sign-in";

    private readonly Dictionary<string, HttpClient> clients = [];

    private sealed record PageUnderTest(string Url, string? Policy, bool Anonymous);

    /// <summary>A signed-in client for a user holding only <paramref name="role"/> (one per role and test).</summary>
    private async Task<HttpClient> ClientAsync(string role)
    {
        if (!clients.TryGetValue(role, out var client))
        {
            var email = $"{role.ToLowerInvariant()}@matrix.test";
            await factory.EnsureUserAsync(email, role);
            client = clients[role] = await factory.SignInAsync(email, PortalFactory.UserPassword);
        }

        return client;
    }

    /// <summary>"url: outcome" for each page, where the outcome is what a reader would see happen.</summary>
    private static async Task<List<string>> OutcomesAsync(HttpClient client, IEnumerable<PageUnderTest> pages)
    {
        var outcomes = new List<string>();
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page.Url);
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var outcome = (int)response.StatusCode >= 500 ? $"error {(int)response.StatusCode}"
                : response.StatusCode != HttpStatusCode.Redirect ? Allowed
                : location.Contains("/Account/AccessDenied", StringComparison.Ordinal) ? Denied
                : location.StartsWith("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/Login?", StringComparison.Ordinal) ? SignIn
                : Allowed;
            outcomes.Add($"{page.Url}: {outcome}");
        }

        return outcomes;
    }

    /// <summary>What the browser would refuse to run under the CSP, or load from elsewhere.</summary>
    private static IEnumerable<string> ScriptProblems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            var source = element.LocalName switch
            {
                "script" => element.GetAttribute("src"),
                "link" => element.GetAttribute("href"),
                _ => null,
            };
            if (element.LocalName == "script" && source is null)
            {
                yield return "inline <script>";
            }

            if (source is not null && !(source.StartsWith('/') && !source.StartsWith("//", StringComparison.Ordinal)))
            {
                yield return $"<{element.LocalName}> from {source}";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{element.LocalName} {attribute.Name}>";
                }

                if (attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">";
                }
            }
        }
    }

    private List<PageUnderTest> Pages() =>
        [.. PortalPage.All(factory.Services).Select(p => new PageUnderTest(p.Url(PortalPage.Placeholder), p.Policy, p.Anonymous)).DistinctBy(p => p.Url)];
}

public sealed class AuthorizationMatrixOnSqliteTests(PortalFactory factory) : AuthorizationMatrixTests(factory), IClassFixture<PortalFactory>;

[Collection(BothDatabases.Name)]
public sealed class AuthorizationMatrixOnPostgreSqlTests(BothDatabases databases) : AuthorizationMatrixTests(databases.PostgreSql);
