namespace KnowledgeKaizen.Browser.Tests.Knowledge;

public sealed class ReviewLifecycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ContributorWrites_ManagerReturns_ContributorRevises_ManagerPublishes_StaffReads_DiffShowsTheChange()
    {
        await fixture.Server.EnsureUserAsync("cora@review.test", "Contributor");
        await fixture.Server.EnsureUserAsync("kim@review.test", "KnowledgeManager");
        await fixture.Server.EnsureUserAsync("stan@review.test", "Staff");
        var author = await fixture.NewPageAsync();
        var manager = await fixture.NewPageAsync();
        var staff = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(author, "review-author", async () =>
        {
            await SignIn.AsAsync(author, "cora@review.test", PortalFactory.UserPassword);
            await EditorPage.WriteNewPlaybookAsync(author, "Call back within two hours",
                "## Situation\n\nAn angry customer.\n\n## What I do\n\nI call back the same morning.\n");
            var documentUrl = author.Url;
            await author.GetByTestId("submit-review").ClickAsync();
            await Assertions.Expect(author.GetByTestId("document-status")).ToHaveTextAsync("In review");

            await Artifacts.CaptureOnFailureAsync(manager, "review-manager", async () =>
            {
                await SignIn.AsAsync(manager, "kim@review.test", PortalFactory.UserPassword);
                await manager.GotoAsync("/Knowledge/Review");
                await manager.GetByTestId("review-queue").GetByRole(AriaRole.Link, new() { Name = "Call back within two hours" }).ClickAsync();
                await manager.GetByTestId("return-comment").FillAsync("Say how you find the right person to call.");
                await manager.GetByTestId("return").ClickAsync();
                await Assertions.Expect(manager.GetByTestId("document-status")).ToHaveTextAsync("Draft");
            });

            await author.GotoAsync(documentUrl);
            await Assertions.Expect(author.GetByTestId("review-comments")).ToContainTextAsync("find the right person");
            await author.GetByTestId("edit").ClickAsync();
            await EditorPage.SetBodyAsync(author,
                "## Situation\n\nAn angry customer.\n\n## What I do\n\nI call back within two hours and ask for the account owner by name.\n");
            await EditorPage.SaveAsync(author);
            await author.GetByTestId("submit-review").ClickAsync();

            await manager.GotoAsync(documentUrl);
            await manager.GetByTestId("approve").ClickAsync();
            await Assertions.Expect(manager.GetByTestId("document-status")).ToHaveTextAsync("Published");

            await Artifacts.CaptureOnFailureAsync(staff, "review-staff", async () =>
            {
                await SignIn.AsAsync(staff, "stan@review.test", PortalFactory.UserPassword);
                await staff.GotoAsync("/Playbooks");
                await staff.GetByTestId("document-list").GetByRole(AriaRole.Link, new() { Name = "Call back within two hours" }).ClickAsync();
                await Assertions.Expect(staff.GetByTestId("document-body")).ToContainTextAsync("ask for the account owner by name");
                await Assertions.Expect(staff.GetByTestId("document-status")).ToHaveTextAsync("Published");
                await Assertions.Expect(staff.GetByTestId("author-actions")).ToHaveCountAsync(0);
            });

            await manager.GotoAsync(documentUrl.Replace("/Details/", "/History/", StringComparison.Ordinal));
            await manager.GetByTestId("compare").ClickAsync();
            var diff = manager.GetByTestId("diff");
            await Assertions.Expect(diff.Locator(".diff-inserted, .diff-modified").First).ToBeVisibleAsync();
            await Assertions.Expect(diff).ToContainTextAsync("account owner by name");
        });
    }
}
