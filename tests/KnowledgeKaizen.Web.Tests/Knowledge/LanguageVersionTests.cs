namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>
/// The English and Chinese versions of one document (same slug) link to each other, and lists show each document
/// once: in the reader's language where it has that version, the other language one click away.
/// </summary>
public sealed class LanguageVersionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DocumentPage_LinksToItsOtherLanguageVersion()
    {
        var (en, zh) = await BilingualSolutionAsync("printer-jam", "Clear a printer jam", "清除卡纸");
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var english = await admin.GetStringAsync($"/Knowledge/Details/{en}");
        var chinese = await admin.GetStringAsync($"/Knowledge/Details/{zh}");

        Assert.Contains($"<a hreflang=\"zh-Hans\" lang=\"zh-Hans\" href=\"/Knowledge/Details/{zh}\">中文 · 清除卡纸</a>", english, StringComparison.Ordinal);
        Assert.Contains($"<a hreflang=\"en\" lang=\"en\" href=\"/Knowledge/Details/{en}\">English · Clear a printer jam</a>", chinese, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"/Knowledge/Details/{zh}\" />", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_BodyHeadingThatRepeatsTheTitle_IsNotShownTwice()
    {
        var id = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Solution, "Reset a locked account",
            "# Reset a locked account\n\nUnlock it in the directory.\n");
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var page = await admin.GetStringAsync($"/Knowledge/Details/{id}");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Reset a locked account</h1>"));
        Assert.Contains("<p>Unlock it in the directory.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsEachDocumentOnceInTheReadersLanguage_TheOtherOneClickAway()
    {
        var (en, zh) = await BilingualSolutionAsync("vpn-drops", "VPN drops every hour", "VPN 每小时断线");
        var chineseOnly = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Solution, "发票抬头错误", "重新开票。",
            language: "zh", slug: "invoice-header-zh-only");
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var english = await admin.GetStringAsync("/Solutions/Index");
        Assert.Contains($"href=\"/Knowledge/Details/{en}\">VPN drops every hour</a>", english, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Knowledge/Details/{zh}\">VPN 每小时断线</a>", english, StringComparison.Ordinal);
        Assert.Matches($"data-testid=\"other-language\"[^>]* hreflang=\"zh-Hans\"[^>]* title=\"VPN 每小时断线\"[^>]* href=\"/Knowledge/Details/{zh}\"", english);
        Assert.Contains($"href=\"/Knowledge/Details/{chineseOnly}\">发票抬头错误</a>", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/Solutions?language=zh\"", english, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Solutions/Index");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var chinese = await (await admin.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Knowledge/Details/{zh}\">VPN 每小时断线</a>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Knowledge/Details/{en}\">VPN drops every hour</a>", chinese, StringComparison.Ordinal);

        var all = await admin.GetStringAsync("/Solutions/Index?language=all");
        Assert.Contains($"href=\"/Knowledge/Details/{en}\">VPN drops every hour</a>", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Knowledge/Details/{zh}\">VPN 每小时断线</a>", all, StringComparison.Ordinal);

        var onlyChinese = await admin.GetStringAsync("/Solutions/Index?language=zh");
        Assert.DoesNotContain($"href=\"/Knowledge/Details/{en}\">VPN drops every hour</a>", onlyChinese, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Knowledge/Details/{zh}\">VPN 每小时断线</a>", onlyChinese, StringComparison.Ordinal);
    }

    private async Task<(int En, int Zh)> BilingualSolutionAsync(string slug, string english, string chinese) =>
        (await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Solution, english, "Steps.", slug: slug),
         await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Solution, chinese, "步骤。", language: "zh", slug: slug));
}
