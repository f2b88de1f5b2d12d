using static KnowledgeKaizen.Web.Tests.Search.SearchTestContent;

namespace KnowledgeKaizen.Web.Tests.Search;

public sealed class SearchAnalyticsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SearchesAndClicks_AreRecorded_AndShownToManagers()
    {
        var staff = await SignedInAsync(factory, StaffEmail);
        var manager = await factory.SignInAsync(ManagerEmail, PortalFactory.UserPassword);
        var id = await CreateAsync(factory, "Narwhal renewal script", "Call three months before the narwhal renewal.");
        // Waiting asks the index itself, so the only searches logged are the two below.
        await IndexedAsync(factory, "narwhal renewal", id);
        var html = await SearchHtmlAsync(staff, "narwhal renewal");
        var link = WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/Search/Go\\?[^\"]+)\"").Groups[1].Value);

        var go = await staff.GetAsync(link);
        await SearchHtmlAsync(staff, "zqxjkv wbfrgt");
        var report = await manager.GetStringAsync("/Search/Analytics");

        Assert.Equal(HttpStatusCode.Redirect, go.StatusCode);
        Assert.Equal($"/Knowledge/Details/{id}", go.Headers.Location?.OriginalString);
        Assert.Contains("qid=", link, StringComparison.Ordinal);
        Assert.Contains("narwhal renewal", report, StringComparison.Ordinal);
        Assert.Contains("zqxjkv wbfrgt", Section(report, "content-gaps"), StringComparison.Ordinal);
        Assert.DoesNotContain("narwhal renewal", Section(report, "content-gaps"), StringComparison.Ordinal);
        Assert.Matches("<td>1</td><td class=\"text-end\">[1-9][0-9]*</td><td class=\"text-end\">[1-9]", Section(report, "click-through"));
    }

    [Fact]
    public async Task ContentGap_StartsAPlaybookDraft_InOneClick()
    {
        var staff = await SignedInAsync(factory, StaffEmail);
        var manager = await factory.SignInAsync(ManagerEmail, PortalFactory.UserPassword);
        await SearchHtmlAsync(staff, "Pangolin pricing objections");

        var response = await PortalFactory.PostFormAsync(manager, "/Search/Analytics?handler=Draft",
            new() { ["query"] = "pangolin pricing objections" }, formPage: "/Search/Analytics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var editor = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Knowledge/Edit/", editor, StringComparison.Ordinal);
        var page = await manager.GetStringAsync(editor);
        Assert.Contains("Pangolin pricing objections", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analytics_IsForManagersOnly()
    {
        var staff = await SignedInAsync(factory, StaffEmail);

        var response = await staff.GetAsync("/Search/Analytics");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {testId}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
