using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Browser.Tests.Improvement;

public sealed class CycleWalkthroughTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Manager = "km.cycle@browser.test";

    [Fact]
    public async Task Manager_WalksAPdcaCycleFromPlanThroughCheckToAdapt_AndTheNextCycleIsChained()
    {
        await fixture.Server.EnsureUserAsync(Manager, Roles.KnowledgeManager);
        var playbook = await PublishedPlaybookWithoutStandardAsync();
        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(Manager_WalksAPdcaCycleFromPlanThroughCheckToAdapt_AndTheNextCycleIsChained), async () =>
        {
            await SignIn.AsAsync(page, Manager, PortalFactory.UserPassword);
            await page.GotoAsync("/Improvement");
            await page.GetByTestId("new-cycle").ClickAsync();
            await page.GetByLabel("Title").FillAsync("Quotes within a day");
            await page.GetByLabel("Problem statement").FillAsync("Quote conversion lags: quotes go out days late.");
            await page.GetByLabel("Target metric").SelectOptionAsync("stage-conversion");
            await page.GetByLabel("Stage (for stage conversion)").SelectOptionAsync("quote");
            await page.GetByLabel("Target value").FillAsync("80");
            await page.GetByTestId("plan-submit").ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Improvement/Details/"));
            await Assertions.Expect(page.GetByTestId("cycle-phase")).ToHaveTextAsync("Plan");
            // Every quote procedure was archived: PDCA on this stage has no effective standard.
            await Assertions.Expect(page.GetByTestId("no-standard-warning")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("baseline")).ToContainTextAsync("no data in the baseline window");

            await page.GetByLabel("Link a playbook").SelectOptionAsync(new SelectOptionValue { Label = playbook });
            await page.GetByTestId("link-playbook-form").GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("links")).ToContainTextAsync(playbook);

            await page.GetByTestId("move-Do").ClickAsync();
            await Assertions.Expect(page.GetByTestId("cycle-phase")).ToHaveTextAsync("Do");
            await page.GetByTestId("move-Check").ClickAsync();
            await Assertions.Expect(page.GetByTestId("cycle-phase")).ToHaveTextAsync("Check");
            await Assertions.Expect(page.GetByTestId("check-verdict")).ToHaveTextAsync("Not enough data yet");

            await page.GetByTestId("move-Adapt").ClickAsync();
            await Assertions.Expect(page.GetByTestId("adapt")).ToBeVisibleAsync();
            await page.GetByLabel("Open the next cycle from this result").FillAsync("Collect another quarter of data");
            await page.GetByTestId("next-cycle").ClickAsync();

            await Assertions.Expect(page.GetByTestId("cycle-phase")).ToHaveTextAsync("Plan");
            await Assertions.Expect(page.GetByTestId("chain").Locator("li")).ToHaveCountAsync(2);
            await page.GotoAsync("/Improvement");
            await Assertions.Expect(page.GetByTestId("column-Closed")).ToContainTextAsync("Quotes within a day");
        });
    }

    /// <summary>A published playbook at the quote stage, with every procedure covering quote archived.</summary>
    private async Task<string> PublishedPlaybookWithoutStandardAsync()
    {
        using var scope = fixture.Server.Services.CreateScope();
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var manager = new Actor(null, "Browser test", true);
        var quoteProcedures = (await db.KnowledgeDocuments.Where(d => d.Kind == DocumentKind.Procedure && d.Status != DocumentStatus.Archived).ToListAsync())
            .Where(d => d.Stages.Contains("quote")).Select(d => d.Id).ToList();
        foreach (var id in quoteProcedures)
        {
            await knowledge.ArchiveAsync(id, manager);
        }

        var title = "Same-day quote " + Guid.NewGuid().ToString("N")[..6];
        await ContentScenario.PublishedDocumentAsync(fixture.Server.Services, DocumentKind.Playbook, title, "## What I do\n\nSend the quote the same day.\n",
            new DocumentMetadata { Stages = ["quote"] });
        return title;
    }
}
