using AngleSharp.Html.Parser;
using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Web.Tests.Improvement;

public sealed class ImprovementPagesTests(ImprovementPagesTests.FixedDayFactory factory) : IClassFixture<ImprovementPagesTests.FixedDayFactory>
{
    /// <summary>"Today" for adoption and kudos stands still, so two posts a moment apart never straddle midnight.</summary>
    public sealed class FixedDayFactory : PortalFactory
    {
        protected override TimeProvider Clock { get; } = new ManualClock(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Staff_CannotOpenTheBoard_ButSeesRecognition()
    {
        await factory.EnsureUserAsync("staff@improve.test", Roles.Staff);
        var staff = await factory.SignInAsync("staff@improve.test", PortalFactory.UserPassword);

        var board = await staff.GetAsync("/Improvement");
        var recognition = await staff.GetAsync("/Recognition");

        Assert.NotEqual(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recognition.StatusCode);
    }

    [Fact]
    public async Task Manager_PlansACycle_WithNoDataInTheWindow_AndCannotStartDoWithNothingLinked()
    {
        await factory.EnsureUserAsync("km@improve.test", Roles.KnowledgeManager);
        var km = await factory.SignInAsync("km@improve.test", PortalFactory.UserPassword);

        var created = await PortalFactory.PostFormAsync(km, "/Improvement/Create", new()
        {
            ["Input.Type"] = "Pdca", ["Input.Title"] = "Faster first response", ["Input.Problem"] = "Customers wait too long.",
            ["Input.MetricKey"] = "first-response", ["Input.TargetValue"] = "2", ["Input.BaselineFrom"] = "2026-01-01",
            ["Input.BaselineTo"] = "2026-04-01", ["Input.RolloutDate"] = "2026-04-01", ["Input.CheckDate"] = "2026-07-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var page = await km.GetStringAsync(details);
        Assert.Contains("no data in the baseline window", page, StringComparison.Ordinal);

        var id = details.Split('/')[^1];
        var moved = await PortalFactory.PostFormAsync(km, $"/Improvement/Details/{id}?handler=Move", new() { ["phase"] = "Do" }, details);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("Link what you roll out", await km.GetStringAsync(details), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_PlanWithCheckBeforeRollout_IsShownAsAFormError()
    {
        await factory.EnsureUserAsync("km2@improve.test", Roles.KnowledgeManager);
        var km = await factory.SignInAsync("km2@improve.test", PortalFactory.UserPassword);

        var response = await PortalFactory.PostFormAsync(km, "/Improvement/Create", new()
        {
            ["Input.Type"] = "Sdca", ["Input.Title"] = "Bad dates", ["Input.Problem"] = "x", ["Input.MetricKey"] = "win-rate",
            ["Input.TargetValue"] = "30", ["Input.BaselineFrom"] = "2026-01-01", ["Input.BaselineTo"] = "2026-04-01",
            ["Input.RolloutDate"] = "2026-06-01", ["Input.CheckDate"] = "2026-05-01",
        });

        Assert.Contains("The check date must come after the rollout.", await response.BodyAsync(HttpStatusCode.OK), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("78%")]
    [InlineData("0.78")]
    [InlineData("78")]
    public async Task Manager_TypesAPercentageTarget_AnyUsualWay_AndTheCycleKeepsIt(string typed)
    {
        await factory.EnsureUserAsync("km3@improve.test", Roles.KnowledgeManager);
        var km = await factory.SignInAsync("km3@improve.test", PortalFactory.UserPassword);

        var created = await PortalFactory.PostFormAsync(km, "/Improvement/Create", new()
        {
            ["Input.Type"] = "Sdca", ["Input.Title"] = "Win more", ["Input.Problem"] = "x", ["Input.MetricKey"] = "win-rate",
            ["Input.TargetValue"] = typed, ["Input.BaselineFrom"] = "2026-01-01", ["Input.BaselineTo"] = "2026-04-01",
            ["Input.RolloutDate"] = "2026-04-01", ["Input.CheckDate"] = "2026-07-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("78.0 %", await km.GetStringAsync(created.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_TypesATargetOutOfRange_GetsAClearMessageInTheirLanguage()
    {
        await factory.EnsureUserAsync("km4@improve.test", Roles.KnowledgeManager);
        var km = await factory.SignInAsync("km4@improve.test", PortalFactory.UserPassword);
        km.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await PortalFactory.PostFormAsync(km, "/Improvement/Create", new()
        {
            ["Input.Type"] = "Sdca", ["Input.Title"] = "Win more", ["Input.Problem"] = "x", ["Input.MetricKey"] = "win-rate",
            ["Input.TargetValue"] = "780%", ["Input.BaselineFrom"] = "2026-01-01", ["Input.BaselineTo"] = "2026-04-01",
            ["Input.RolloutDate"] = "2026-04-01", ["Input.CheckDate"] = "2026-07-01",
        });

        var html = await response.BodyAsync(HttpStatusCode.OK);
        Assert.Contains("目标值必须在 0 到 100 %之间。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_MarksAPlaybookApplied_AndTheAdoptionPanelCountsIt()
    {
        var playbookId = await PublishedPlaybookAsync();
        await factory.EnsureUserAsync("reader@improve.test", Roles.Staff);
        var reader = await factory.SignInAsync("reader@improve.test", PortalFactory.UserPassword);

        var toggled = await PortalFactory.PostFormAsync(reader, "/Improvement/Adoption?handler=Toggle",
            new() { ["documentId"] = playbookId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Recognition");

        Assert.Equal(HttpStatusCode.Redirect, toggled.StatusCode);
        var page = await reader.GetStringAsync($"/Knowledge/Details/{playbookId}");
        Assert.Contains("1 applied it", page, StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"true\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kudos_TwiceTheSameDay_IsRefusedWithAMessage()
    {
        await PublishedPlaybookAsync();
        await factory.EnsureUserAsync("fan@improve.test", Roles.Staff);
        var fan = await factory.SignInAsync("fan@improve.test", PortalFactory.UserPassword);
        var author = await AuthorIdAsync();

        await PortalFactory.PostFormAsync(fan, "/Recognition?handler=Kudos", new() { ["Input.ToUserId"] = author, ["Input.Message"] = "Thanks!" }, "/Recognition");
        await PortalFactory.PostFormAsync(fan, "/Recognition?handler=Kudos", new() { ["Input.ToUserId"] = author, ["Input.Message"] = "Again" }, "/Recognition");

        Assert.Contains("You already gave kudos to this contributor today.", await fan.GetStringAsync("/Recognition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_SeesAClusterTrendWithItsAxes_AndExamplesMarkedWithTheirLanguage()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            db.ProblemClusters.Add(new ProblemCluster(Guid.NewGuid(), 1, "spare part · 备件", ["spare part", "备件"], 9,
                ["2026-03=2", "2026-04=7", "2026-05=0"], ["The spare part never came", "备件一直没到"], new DateTime(2026, 6, 1)));
            await db.SaveChangesAsync();
        }

        await factory.EnsureUserAsync("clusters@improve.test", Roles.KnowledgeManager);
        var km = await factory.SignInAsync("clusters@improve.test", PortalFactory.UserPassword);

        var page = new HtmlParser().ParseDocument(await km.GetStringAsync("/Improvement/Problems"));
        var trend = Assert.Single(page.QuerySelectorAll("[data-testid=cluster-trend]"));
        Assert.Equal(["7", "0", "2026-03", "2026-05"], trend.QuerySelectorAll("text").Select(t => t.TextContent));
        Assert.Equal(3, trend.QuerySelectorAll("rect").Length);
        Assert.Equal(["en", "zh"], page.QuerySelectorAll("[data-testid=cluster-examples] li").Select(li => li.GetAttribute("lang")));
    }

    private async Task<string> AuthorIdAsync()
    {
        await factory.EnsureUserAsync("author@improve.test", Roles.Contributor);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        return (await users.FindByEmailAsync("author@improve.test"))!.Id;
    }

    private async Task<int> PublishedPlaybookAsync()
    {
        var author = new Actor(await AuthorIdAsync(), "Author", false);
        return await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Call back within two hours " + Guid.NewGuid().ToString("N")[..4],
            "## What I do\n\nCall back.\n", new DocumentMetadata { Stages = ["qualify"] }, author);
    }
}
