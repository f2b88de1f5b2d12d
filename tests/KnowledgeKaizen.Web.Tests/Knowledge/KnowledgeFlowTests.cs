using static KnowledgeKaizen.Web.Tests.Knowledge.KnowledgeClient;

namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>The review lifecycle through the real pages: write, submit, return, revise, publish, read, diff.</summary>
public sealed class KnowledgeFlowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Playbook_GoesThroughReview_AndStaffReadsOnlyThePublishedText()
    {
        var contributor = await SignInAsync("writer@flow.test", Roles.Contributor);
        var manager = await SignInAsync("km@flow.test", Roles.KnowledgeManager);
        var staff = await SignInAsync("staff@flow.test", Roles.Staff);

        var id = await CreatePlaybookAsync(contributor, "Confirm the problem twice", "## Situation\n\nAfter the first visit.\n");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Knowledge/Details/{id}")).StatusCode);

        await ActAsync(contributor, id, "Submit");
        Assert.Contains(">Confirm the problem twice<", await manager.GetStringAsync("/Knowledge/Review"), StringComparison.Ordinal);
        await ReviewAsync(manager, id, "Return", "Add the evidence numbers.");

        var returned = await contributor.GetStringAsync($"/Knowledge/Details/{id}");
        Assert.Contains("Add the evidence numbers.", returned, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"document-status\">Draft<", returned, StringComparison.Ordinal);

        var saved = await EditAsync(contributor, id, "Confirm the problem twice", "## Situation\n\nAfter the first visit.\n\n## Evidence\n\nConversion 58 % against 41 % expected.\n");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await ActAsync(contributor, id, "Submit");
        await ReviewAsync(manager, id, "Approve", "Good.");

        var read = await staff.GetStringAsync($"/Knowledge/Details/{id}");
        Assert.Contains("Conversion 58 % against 41 % expected.", read, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"document-status\">Published<", read, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"author-actions\"", read, StringComparison.Ordinal);
        Assert.Contains("Confirm the problem twice", await staff.GetStringAsync("/Playbooks/Index?stage=discover"), StringComparison.Ordinal);

        var diff = await contributor.GetStringAsync($"/Knowledge/Diff/{id}?from=1&to=2");
        Assert.Contains("class=\"diff-inserted\" data-kind=\"Inserted\">Conversion 58 % against 41 % expected.</td>", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSave_FromTheSameVersion_GetsTheConflictPageWithBothTexts()
    {
        var contributor = await SignInAsync("writer2@flow.test", Roles.Contributor);
        var manager = await SignInAsync("km2@flow.test", Roles.KnowledgeManager);
        var id = await CreatePlaybookAsync(contributor, "Shared document", "first\n");
        var opened = await VersionShownAsync(contributor, id);

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(manager, id, "Shared document", "manager's words\n", opened)).StatusCode);
        var second = await EditAsync(contributor, id, "Shared document", "contributor's words\n", opened);

        var html = await second.BodyAsync(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"conflict\"", html, StringComparison.Ordinal);
        Assert.Contains("manager&#x27;s words", html, StringComparison.Ordinal);
        Assert.Contains("contributor&#x27;s words", html, StringComparison.Ordinal);
        Assert.Equal(2, await RevisionCountAsync(contributor, id));
    }

    [Fact]
    public async Task Restore_OldRevision_AddsANewRevisionWithItsText()
    {
        var contributor = await SignInAsync("writer3@flow.test", Roles.Contributor);
        var id = await CreatePlaybookAsync(contributor, "Restorable", "original text\n");
        await EditAsync(contributor, id, "Restorable", "changed text\n");

        await PortalFactory.PostFormAsync(contributor, $"/Knowledge/History/{id}?handler=Restore&revision=1", [], $"/Knowledge/History/{id}");

        Assert.Equal(3, await RevisionCountAsync(contributor, id));
        Assert.Contains("original text", await contributor.GetStringAsync($"/Knowledge/Details/{id}?revision=3"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_CannotEditOrReview()
    {
        var staff = await SignInAsync("staff2@flow.test", Roles.Staff);

        var edit = await staff.GetAsync("/Knowledge/Edit?kind=playbook");
        var review = await staff.GetAsync("/Knowledge/Review");

        Assert.Contains("AccessDenied", edit.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", review.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_IsCountedOnPublishedContent()
    {
        var staff = await SignInAsync("staff3@flow.test", Roles.Staff);
        var procedures = await staff.GetStringAsync("/Procedures/Index?language=en");
        var id = FirstDetailsId(procedures);

        await ActAsync(staff, id, "Feedback", new() { ["kind"] = "Helpful" });
        await ActAsync(staff, id, "Feedback", new() { ["kind"] = "Outdated", ["reason"] = "The threshold changed." });

        var page = await staff.GetStringAsync($"/Knowledge/Details/{id}");
        Assert.Contains("btn-success\" data-testid=\"helpful\"", page, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string email, string role)
    {
        await factory.EnsureUserAsync(email, role);
        return await factory.SignInAsync(email, PortalFactory.UserPassword);
    }

    private static async Task<int> RevisionCountAsync(HttpClient client, int id) =>
        System.Text.RegularExpressions.Regex.Matches(await client.GetStringAsync($"/Knowledge/History/{id}"), "name=\"to\"").Count;

    internal static int FirstDetailsId(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, "href=\"/Knowledge/Details/(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
