namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>The dashboards over HTTP on the demo data: rendering, filters from the URL, scoping, CSV.</summary>
[Collection(DemoDataReaders.Name)]
public sealed class InsightsPagesTests(UntrainedDemoDataPortalFactory factory)
{
    private const string AllTime = "from=2024-11-01&to=2026-10-31";

    /// <summary>REP-027 Ma Haoran in the demo data (48 sales reps have stage history).</summary>
    private const string RepEmail = "haoran.ma@demo.kaizen";

    private async Task<HttpClient> ManagerAsync()
    {
        await factory.EnsureUserAsync("km@insights.test", Roles.KnowledgeManager);
        return await factory.SignInAsync("km@insights.test", PortalFactory.UserPassword);
    }

    private static async Task<string> OkHtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/Insights", "table-funnel")]
    [InlineData("/Insights/Reps", "heatmap")]
    [InlineData("/Insights/Service", "table-backlog")]
    [InlineData("/Insights/Feedback", "table-complaint-categories")]
    [InlineData("/Insights/Definitions", "definitions")]
    public async Task EveryDashboard_RendersItsTablesForAManager(string page, string testId)
    {
        var client = await ManagerAsync();

        var html = await OkHtmlAsync(client, $"{page}?{AllTime}");

        Assert.Contains($"data-testid=\"{testId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_HaveTheirDataTableAndAPngButton()
    {
        var html = await OkHtmlAsync(await ManagerAsync(), $"/Insights?{AllTime}");

        Assert.Contains("data-chart=\"bar\" data-table=\"t-funnel\"", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"table table-sm table-striped align-middle mb-0\" id=\"t-funnel\">", html, StringComparison.Ordinal);
        Assert.Contains("data-png=\"t-funnel-chart\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAndReversedFilters_ShowNoticesNotErrors()
    {
        var client = await ManagerAsync();

        var html = await OkHtmlAsync(client, "/Insights?from=2026-10-31&to=2024-11-01&rep=abc&source=fax&stage=%3Cscript%3E");

        Assert.Equal(3, CountOf(html, "data-testid=\"filter-notice\""));
        Assert.Contains("value=\"2024-11-01\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersThatMatchNothing_ShowAnEmptyState()
    {
        var client = await ManagerAsync();

        foreach (var page in new[] { "/Insights", "/Insights/Reps", "/Insights/Service", "/Insights/Feedback" })
        {
            var html = await OkHtmlAsync(client, $"{page}?from=1990-01-01&to=1990-12-31&industry=none");
            Assert.Contains("data-testid=\"empty-state\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Heatmap_LinksEachRepToTheirPage_AndSortsByAStage()
    {
        var client = await ManagerAsync();

        var html = await OkHtmlAsync(client, $"/Insights/Reps?{AllTime}&sort=discover&dir=asc");

        Assert.Equal(48, CountOf(html, "href=\"/Insights/Reps/"));
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
        // Ascending by discover conversion: the planted laggard Ma Haoran comes first.
        var first = html.IndexOf("href=\"/Insights/Reps/", StringComparison.Ordinal);
        Assert.Contains("Ma Haoran", html.Substring(first, 200), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_IsTheTableWithAHeaderRow()
    {
        var client = await ManagerAsync();

        var response = await client.GetAsync($"/Insights?{AllTime}&handler=Csv&table=funnel");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Stage,Entered,Advanced,Lost,Open,", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("Lead qualification,14998,", lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Insights?handler=Csv&table=nope")).StatusCode);
    }

    [Fact]
    public async Task LinkedRep_SeesOwnPageAndRow_ButNotOtherReps()
    {
        await factory.EnsureUserAsync(RepEmail, Roles.Staff);
        var client = await factory.SignInAsync(RepEmail, PortalFactory.UserPassword);

        var heatmap = await OkHtmlAsync(client, $"/Insights/Reps?{AllTime}");
        // Two links, both to the rep's own page: the "My numbers" tab and their single heatmap row.
        Assert.Equal(2, CountOf(heatmap, "href=\"/Insights/Reps/"));
        Assert.Contains("Ma Haoran", heatmap, StringComparison.Ordinal);
        Assert.DoesNotContain("Owen Larsen", heatmap, StringComparison.Ordinal);
        var ownLink = heatmap[(heatmap.IndexOf("href=\"/Insights/Reps/", StringComparison.Ordinal) + 21)..];
        var ownId = ownLink[..ownLink.IndexOfAny(['?', '"'])];
        var own = await OkHtmlAsync(client, $"/Insights/Reps/{ownId}?{AllTime}");
        Assert.Contains("REP-027", own, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"table-rep-kpis\"", own, StringComparison.Ordinal);

        var otherId = long.Parse(ownId, System.Globalization.CultureInfo.InvariantCulture) == 1 ? 2 : 1;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Insights/Reps/{otherId}")).StatusCode);
        var filtered = await OkHtmlAsync(client, $"/Insights?{AllTime}&team=East-1");
        Assert.Contains("data-testid=\"filter-notice\"", filtered, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
