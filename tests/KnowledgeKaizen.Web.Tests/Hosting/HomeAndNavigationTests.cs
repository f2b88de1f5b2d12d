using KnowledgeKaizen.Core.Notifications;
using KnowledgeKaizen.Web.Notifications;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>The grouped top bar, the home page per role, My work, and the words every menu and notification needs.</summary>
public sealed class HomeAndNavigationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string[], string[]> TopBars => new()
    {
        { Roles.Staff, ["knowledge", "learn", "improve", "insights"], ["home-continue", "home-new", "home-helpful", "home-recent"] },
        { Roles.Contributor, ["knowledge", "learn", "improve", "insights"], ["home-contributor"] },
        { Roles.Trainer, ["knowledge", "learn", "improve", "insights"], ["home-trainer"] },
        { Roles.KnowledgeManager, ["knowledge", "learn", "improve", "insights", "admin"], ["home-manager"] },
        { Roles.Admin, ["knowledge", "learn", "improve", "insights", "admin"], ["home-manager", "home-contributor", "home-trainer"] },
    };

    [Theory]
    [MemberData(nameof(TopBars))]
    public async Task EachRole_SeesItsMenus_AndAHomePageForWhatItDoes(string role, string[] menus, string[] cards)
    {
        var client = await ClientAsync(role);
        var home = await client.GetStringAsync("/");

        var shown = NavGroup.All.Select(g => g.ToLowerInvariant()).Where(g => home.Contains($"data-testid=\"menu-{g}\"", StringComparison.Ordinal));
        Assert.Equal(menus, shown);
        Assert.All(cards, card => Assert.Contains($"data-testid=\"{card}\"", home, StringComparison.Ordinal));
        Assert.Contains("data-testid=\"home-search\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-search\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-search\"", await client.GetStringAsync("/MyWork"), StringComparison.Ordinal);
        if (role == Roles.Staff)
        {
            Assert.DoesNotContain("data-testid=\"home-manager\"", home, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"home-contributor\"", home, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/Admin/", home, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReturnedDocument_ShowsOnTheAuthorsHomeAndMyWork_WithTheReviewersComment()
    {
        var author = await factory.EnsureUserAsync("author@home.test", Roles.Contributor);
        using (var scope = factory.Services.CreateScope())
        {
            var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
            var writer = new Actor(author, "author", false);
            var draft = await knowledge.CreateAsync(DocumentKind.Playbook, "en", null, "Warm leads first", "## Situation\n\nText.\n", new DocumentMetadata(), writer);
            await knowledge.SubmitAsync(draft.Id, writer);
            await knowledge.ReturnAsync(draft.Id, draft.CurrentRevisionNumber, "Say what counts as warm.", new Actor("reviewer-1", "Rui", true));
            await knowledge.CreateAsync(DocumentKind.Playbook, "en", null, "Unfinished idea", "Text.", new DocumentMetadata(), writer);
        }

        var client = await factory.SignInAsync("author@home.test", PortalFactory.UserPassword);
        var home = await client.GetStringAsync("/");
        var work = await client.GetStringAsync("/MyWork");

        foreach (var page in new[] { home, work })
        {
            Assert.Contains("Warm leads first", page, StringComparison.Ordinal);
            Assert.Contains("Rui: Say what counts as warm.", page, StringComparison.Ordinal);
            Assert.Contains("Unfinished idea", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryMenuGroup_AndEveryKindOfNotification_HasItsWordsInChinese()
    {
        using var scope = factory.Services.CreateScope();
        var text = scope.ServiceProvider.GetRequiredService<NotificationText>();
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            var localizer = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            Assert.All(NavGroup.All, group => Assert.False(localizer[group].ResourceNotFound, $"menu {group} has no Chinese name"));
            foreach (var kind in NotificationKinds.All)
            {
                var sentence = text.Sentence(new Notification("user-1", kind, "订单", "李娜", "2027-03-15", "/", null, DateTimeOffset.UnixEpoch));
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", sentence.Replace("订单", string.Empty, StringComparison.Ordinal).Replace("李娜", string.Empty, StringComparison.Ordinal));
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}@home.test";
        await factory.EnsureUserAsync(email, role);
        return await factory.SignInAsync(email, PortalFactory.UserPassword);
    }
}
