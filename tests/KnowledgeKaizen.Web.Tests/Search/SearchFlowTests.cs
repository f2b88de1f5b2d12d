using static KnowledgeKaizen.Web.Tests.Search.SearchTestContent;

namespace KnowledgeKaizen.Web.Tests.Search;

/// <summary>End to end through the real app: outbox → indexer → search page, languages, permissions, bad input.</summary>
public sealed class SearchFlowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task PublishedPlaybook_IsFoundWithinSeconds_ThroughTheOutbox()
    {
        var staff = await SignedInStaffAsync();
        var id = await CreateAsync(factory, "Quarterly pipeline hygiene", "Review every stale opportunity on Fridays.");

        var html = await FoundAsync(factory, staff, "pipeline hygiene", id);

        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("转化率")]
    [InlineData("投诉处理")]
    public async Task ChineseWord_InsideASentence_IsFound(string query)
    {
        var staff = await SignedInStaffAsync();
        var id = await CreateAsync(factory, "季度复盘要点", "本季度我们的转化率明显提高，客户投诉处理也比去年更快了。", language: "zh");

        var html = await FoundAsync(factory, staff, query, id);

        // SmartCn may split a compound into words (投诉|处理); each part is highlighted.
        Assert.Contains($"<mark>{query[..2]}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishStemming_FindsConvertedForConverting_AndMixedLanguageText()
    {
        var staff = await SignedInStaffAsync();
        var id = await CreateAsync(factory, "Demo follow-up", "Most prospects converted after a second demo. 跟进客户 within two days.");

        // "conversion" is pinned to the stem of "converted" (EnglishSearchAnalyzer.StemOverrides), so the noun finds the verb.
        await FoundAsync(factory, staff, "conversion prospects", id);
        await FoundAsync(factory, staff, "跟进客户", id);
    }

    [Fact]
    public async Task Draft_IsHiddenFromStaff_ButFoundByItsAuthorAndReviewers()
    {
        var staff = await SignedInStaffAsync();
        var author = await factory.SignInAsync(AuthorEmail, PortalFactory.UserPassword);
        var manager = await factory.SignInAsync(ManagerEmail, PortalFactory.UserPassword);
        var id = await CreateAsync(factory, "Unfinished xylophone objection handling", "Draft text about xylophone objections.", publish: false);

        await IndexedAsync(factory, "xylophone", id);

        Assert.Contains(LinkTo(id), await SearchHtmlAsync(author, "xylophone"), StringComparison.Ordinal);
        Assert.Contains(LinkTo(id), await SearchHtmlAsync(manager, "xylophone"), StringComparison.Ordinal);
        var staffPage = await SearchHtmlAsync(staff, "xylophone");
        Assert.DoesNotContain(LinkTo(id), staffPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-empty\"", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerFeedback_IsHiddenFromStaff_ButFoundByContributors()
    {
        var staff = await SignedInStaffAsync();
        var author = await factory.SignInAsync(AuthorEmail, PortalFactory.UserPassword);
        await AddFeedbackAsync(factory, "The parcel arrived crumpled and the zeppelin model was broken.");

        await FeedbackFoundAsync(factory, author, "zeppelin");

        Assert.DoesNotContain("data-type=\"feedback\"", await SearchHtmlAsync(staff, "zeppelin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeFilter_AndFacetCounts_NarrowTheResults()
    {
        var staff = await SignedInStaffAsync();
        var playbook = await CreateAsync(factory, "Walrus discount playbook", "How to discuss the walrus discount.");
        var procedure = await CreateAsync(factory, "Walrus discount procedure", "Steps for the walrus discount.", kind: Core.Knowledge.DocumentKind.Procedure);
        await IndexedAsync(factory, "walrus", playbook);
        await IndexedAsync(factory, "walrus", procedure);

        var html = await SearchHtmlAsync(staff, "walrus", "&type=procedure&sort=newest");

        Assert.Contains(LinkTo(procedure), html, StringComparison.Ordinal);
        Assert.DoesNotContain(LinkTo(playbook), html, StringComparison.Ordinal);
        Assert.Contains("value=\"procedure\"", html, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("title:secret OR body:*")]
    [InlineData("*leading wildcard")]
    [InlineData("a AND (b OR")]
    [InlineData("\u0001\u0002control\u0007chars\u001b")]
    [InlineData("the and of a")]
    [InlineData("+-&&||!(){}[]^\"~*?:\\/")]
    [InlineData("<script>alert(1)</script>")]
    public async Task BadInput_GivesResultsOrAMessage_NeverAnError(string query)
    {
        var staff = await SignedInStaffAsync();

        var html = await SearchHtmlAsync(staff, query);
        var suggest = await staff.GetAsync("/api/v1/search/suggest?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VeryLongQuery_IsCutWithANotice()
    {
        var staff = await SignedInStaffAsync();

        var html = await SearchHtmlAsync(staff, string.Concat(Enumerable.Repeat("pipeline ", 1200)));

        Assert.Contains("data-testid=\"search-notice\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangePagesAndUnknownFilters_AreHandled()
    {
        var staff = await SignedInStaffAsync();

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Search?q=x&page=-5&sort=bogus&type=nope&lang=" + new string('x', 500))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Search?q=x&page=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Search/Go?type=playbook&key=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Search/Record/feedback/kk-unknown")).StatusCode);
    }

    [Fact]
    public async Task Suggest_OffersTitlesTheReaderMaySee()
    {
        var staff = await SignedInStaffAsync();
        var id = await CreateAsync(factory, "Quokka onboarding checklist", "Checklist body.");
        await IndexedAsync(factory, "quokka", id);

        var json = await staff.GetStringAsync("/api/v1/search/suggest?q=quok");

        Assert.Contains("Quokka onboarding checklist", json, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.CreateBrowserlessClient().GetAsync("/api/v1/search/suggest?q=quok")).StatusCode);
    }

    private Task<HttpClient> SignedInStaffAsync() => SignedInAsync(factory, StaffEmail);
}
