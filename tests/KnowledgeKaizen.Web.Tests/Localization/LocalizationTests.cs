namespace KnowledgeKaizen.Web.Tests.Localization;

public sealed class LocalizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ChineseBrowser_GetsChineseUi_WithoutChoosing()
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var html = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<h1 class=\"h3 mb-3\">登录</h1>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-Hans\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_SetsACookie_ThatBeatsTheBrowserLanguage()
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var response = await PortalFactory.PostFormAsync(client, "/culture", new() { ["culture"] = "zh-Hans", ["returnUrl"] = "/Account/Login" }, "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Contains("登录", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        await PortalFactory.PostFormAsync(client, "/culture", new() { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, "/Account/Login");
        Assert.Contains(">Sign in</h1>", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_FollowTheCulture()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var html = await admin.GetStringAsync("/");
        // The long Chinese date pattern, whatever day the suite runs on.
        Assert.Matches(@"今天是 \d{4}年\d{1,2}月\d{1,2}日", html);
    }

    /// <summary>Every string a page or page model passes to the localizer has a Chinese translation.</summary>
    [Fact]
    public void EveryLocalizedString_HasAChineseTranslation()
    {
        var web = RepoPaths.WebProject;
        var translations = Directory.GetFiles(Path.Combine(web, "Resources", "zh-Hans"), "*.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys)
            .ToHashSet(StringComparer.Ordinal);
        var keyPattern = new Regex("\\b[Ll]\\[\"((?:[^\"\\\\]|\\\\.)+)\"", RegexOptions.Compiled);
        var messagePattern = new Regex("(?:ErrorMessage = |new NavItem\\()\"((?:[^\"\\\\]|\\\\.)+)\"", RegexOptions.Compiled);
        // L.Plural(count, "one", "other"): both forms are keys.
        var pluralPattern = new Regex("Plural\\([^\"]*\"((?:[^\"\\\\]|\\\\.)+)\",\\s*\"((?:[^\"\\\\]|\\\\.)+)\"", RegexOptions.Compiled);
        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => keyPattern.Matches(File.ReadAllText(f)).Concat(messagePattern.Matches(File.ReadAllText(f)))
                .Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value)))
                .Concat(pluralPattern.Matches(File.ReadAllText(f)).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value })
                    .Select(key => (File: Path.GetFileName(f), Key: Regex.Unescape(key)))))
            .Where(k => !translations.Contains(k.Key))
            .Select(k => $"{k.File}: {k.Key}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "Missing zh-Hans translations:\n" + string.Join("\n", missing));
    }

    /// <summary>Modules own their translation files; the same English text must not get two translations.</summary>
    [Fact]
    public void NoEnglishText_IsTranslatedTwoWays()
    {
        var conflicts = Directory.GetFiles(Path.Combine(RepoPaths.WebProject, "Resources", "zh-Hans"), "*.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Select(kv => (File: Path.GetFileName(f), kv.Key, kv.Value)))
            .GroupBy(e => e.Key)
            .Where(g => g.Select(e => e.Value).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: " + string.Join(" | ", g.Select(e => $"{e.File}={e.Value}")))
            .ToList();
        Assert.True(conflicts.Count == 0, "Conflicting translations:\n" + string.Join("\n", conflicts));
    }
}
