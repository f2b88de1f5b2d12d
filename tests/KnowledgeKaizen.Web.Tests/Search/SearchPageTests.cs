using KnowledgeKaizen.Web.Pages.Search;
using static KnowledgeKaizen.Web.Tests.Search.SearchTestContent;

namespace KnowledgeKaizen.Web.Tests.Search;

/// <summary>The search page's cross-language results, names for codes, the term map page and the analytics log under load.</summary>
public sealed class SearchPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TermMapSavedByAManager_LetsAnEnglishSearchFindAChineseDocument()
    {
        var manager = await SignedInAsync(factory, ManagerEmail);
        var staff = await factory.SignInAsync(StaffEmail, PortalFactory.UserPassword);
        var id = await CreateAsync(factory, "蜂鸟续约话术", "合同到期前先确认蜂鸟套餐的使用情况。", language: "zh");
        await IndexedAsync(factory, "蜂鸟", id);
        var form = await manager.GetStringAsync("/Search/Terms");
        var basedOn = System.Text.RegularExpressions.Regex.Match(form, "name=\"BasedOn\" value=\"([^\"]*)\"").Groups[1].Value;

        var saved = await PortalFactory.PostFormAsync(manager, "/Search/Terms", new()
        {
            ["BasedOn"] = basedOn,
            ["Rows[0].English"] = "hummingbird plan",
            ["Rows[0].Chinese"] = "蜂鸟套餐",
        }, formPage: "/Search/Terms");
        var html = await SearchHtmlAsync(staff, "hummingbird plan");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(LinkTo(id), html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-hit-term-map\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-hit-language\"", html, StringComparison.Ordinal);
        Assert.Contains("hummingbird plan", await manager.GetStringAsync("/Search/Terms"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TermMap_RowWithOneLanguage_IsRefusedWithItsRowMarked_AndNothingSaved()
    {
        var manager = await SignedInAsync(factory, ManagerEmail);
        var form = await manager.GetStringAsync("/Search/Terms");
        var basedOn = System.Text.RegularExpressions.Regex.Match(form, "name=\"BasedOn\" value=\"([^\"]*)\"").Groups[1].Value;

        var refused = await PortalFactory.PostFormAsync(manager, "/Search/Terms", new()
        {
            ["BasedOn"] = basedOn,
            ["Rows[0].English"] = "wombat onboarding",
            ["Rows[0].Chinese"] = "",
        }, formPage: "/Search/Terms");
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"terms-row-problem\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("wombat onboarding", await manager.GetStringAsync("/Search/Terms"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facets_ShowNames_NotCodes_InBothLanguages()
    {
        await EnsureUsersAsync(factory);
        // Customer feedback is searchable from the Contributor role up.
        var contributor = await factory.SignInAsync(AuthorEmail, PortalFactory.UserPassword);
        await CreateAsync(factory, "Quokka pricing guide", "Price the quokka bundle per seat.", kind: DocumentKind.Playbook);
        await AddFeedbackAsync(factory, "The quokka order arrived two weeks late.");
        await FeedbackFoundAsync(factory, contributor, "quokka");

        var english = await SearchHtmlAsync(contributor, "quokka");
        using var inChinese = new HttpRequestMessage(HttpMethod.Get, "/Search?q=quokka") { Headers = { { "Accept-Language", "zh-Hans" } } };
        var chinese = await (await contributor.SendAsync(inChinese)).Content.ReadAsStringAsync();

        Assert.Contains(">Proposal <", english, StringComparison.Ordinal);
        Assert.Contains(">Delivery <", english, StringComparison.Ordinal);
        Assert.DoesNotContain(">propose <", english, StringComparison.Ordinal);
        Assert.Contains(">交付 <", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondPage_ShowsTheResultsAfterTheFirstTen()
    {
        var staff = await SignedInAsync(factory, StaffEmail);
        var ids = new List<int>();
        for (var i = 0; i < SearchQuery.PageSize + 1; i++)
        {
            ids.Add(await CreateAsync(factory, $"Numbat pairing guide {i}", "Pair the numbat plan with onboarding."));
        }

        await IndexedAsync(factory, "numbat", ids[^1]);
        var first = await SearchHtmlAsync(staff, "numbat");
        var second = await SearchHtmlAsync(staff, "numbat", "&page=2");

        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Equal(SearchQuery.PageSize, Regex.Count(first, "data-testid=\"search-hit\""));
        Assert.Equal(1, Regex.Count(second, "data-testid=\"search-hit\""));
        Assert.All(ids, id => Assert.Contains(LinkTo(id), first + second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveHundredConcurrentSearches_AreEachRecorded()
    {
        var staff = await SignedInAsync(factory, StaffEmail);
        var probe = "concurrency probe " + Guid.NewGuid().ToString("N")[..8];

        // 500 searches, 64 in flight at any time: concurrent enough that the log's writes overlap and share commits.
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (i, _) => await SearchHtmlAsync(staff, $"{probe} {i}"));

        var logged = await factory.WithDbAsync(db => db.SearchQueries.Where(q => q.Text.StartsWith(probe)).Select(q => q.Text).ToListAsync());
        Assert.Equal(500, logged.Distinct().Count());
    }
}
