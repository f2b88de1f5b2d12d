using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Browser.Tests.PerformerDetection;

/// <summary>On the shared demo portal: the standout it picks has no capture request yet (other classes of the collection send some).</summary>
[Collection(DemoDataCollection.Name)]
public sealed class CaptureRequestBrowserTests(DemoDataBrowserFixture fixture)
{
    [Fact]
    public async Task Manager_SendsACaptureRequest_RepSeesTheTask_AndOpensThePrefilledDraft()
    {
        var snapshot = await fixture.Server.SnapshotAsync();
        Assert.Equal(SnapshotStatus.Ready, snapshot.Status);
        var standout = await fixture.Server.WithDbAsync(db => db.PerformerFindings.AsNoTracking()
            .Where(f => f.SnapshotId == snapshot.Id && f.Class == FindingClass.Standout && !db.CaptureRequests.Any(c => c.RepId == f.RepId && c.Stage == f.Stage))
            .OrderBy(f => f.RepId).FirstAsync());
        var rep = await fixture.Server.WithDbAsync(db => db.Reps.AsNoTracking().SingleAsync(r => r.Id == standout.RepId));
        await fixture.Server.EnsureUserAsync(rep.Email!, Roles.Contributor);
        await fixture.Server.EnsureUserAsync("km@browser.test", Roles.KnowledgeManager);

        var manager = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(manager, "capture-request-manager", async () =>
        {
            await SignIn.AsAsync(manager, "km@browser.test", PortalFactory.UserPassword);
            await manager.GotoAsync("/Insights/Performance?class=Standout");
            var row = manager.GetByTestId($"finding-{rep.ExternalId}-{standout.Stage}");
            await row.GetByTestId("send-capture").ClickAsync();
            await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Capture request sent");
            await Assertions.Expect(manager.GetByTestId($"finding-{rep.ExternalId}-{standout.Stage}")).ToContainTextAsync("Requested");
        });

        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, "capture-request-rep", async () =>
        {
            await SignIn.AsAsync(page, rep.Email!, PortalFactory.UserPassword);
            await Assertions.Expect(page.GetByTestId("notification-count")).ToHaveTextAsync("1");
            await page.GetByTestId("notification-bell").ClickAsync();
            await page.GetByTestId("open-notification").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("capture-evidence")).ToContainTextAsync("Performance evidence");
            await page.GetByTestId("accept-capture").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Knowledge/Edit/"));
            await page.Locator(".CodeMirror").WaitForAsync();
            var html = await page.ContentAsync();
            Assert.Contains("Performance evidence", html, StringComparison.Ordinal);
            Assert.Contains("What I do", html, StringComparison.Ordinal);
            await Assertions.Expect(page.GetByTestId("notification-bell")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("notification-count")).ToHaveCountAsync(0);
        });
    }
}
