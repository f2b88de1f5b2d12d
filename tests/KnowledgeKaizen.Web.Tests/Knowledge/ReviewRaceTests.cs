using static KnowledgeKaizen.Web.Tests.Knowledge.KnowledgeClient;

namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>
/// The author keeps editing while a reviewer decides, through the real pages: an approval publishes only the
/// revision the reviewer's page showed, whatever order the requests arrive in.
/// </summary>
public sealed partial class ReviewRaceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Approval_FromAPageOpenedBeforeTheAuthorResubmitted_IsRefusedWithTheReason()
    {
        var (author, reviewer, staff) = await PeopleAsync("late");
        var id = await CreatePlaybookAsync(author, "Late change", "## What I do\n\nI confirm the order in writing.\n");
        await ActAsync(author, id, "Submit");
        var seen = await RevisionOnReviewPageAsync(reviewer, id);

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(author, id, "Late change", "## What I do\n\nI give 30 % off without asking.\n")).StatusCode);
        await ActAsync(author, id, "Submit");
        var approve = await ReviewAsync(reviewer, id, "Approve", "Fine by me.", seen);

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var page = await reviewer.GetStringAsync(approve.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"knowledge-error\"", page, StringComparison.Ordinal);
        Assert.Contains("You reviewed revision 1, but the document now has revision 2.", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"document-status\">In review<", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Knowledge/Details/{id}")).StatusCode);
        Assert.Empty(await CommentsAsync(id));
    }

    [Fact]
    public async Task Refusal_IsInTheReadersLanguage()
    {
        var (author, reviewer, _) = await PeopleAsync("zh");
        var id = await CreatePlaybookAsync(author, "Chinese reviewer", "first\n");
        await ActAsync(author, id, "Submit");
        await EditAsync(author, id, "Chinese reviewer", "second\n");
        reviewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var decision = await ReviewAsync(reviewer, id, "Return", "请补充数据。", revisionSeen: 1);

        Assert.Contains("你审核的是修订版 1，但文档现在已有修订版 2。", await reviewer.GetStringAsync(decision.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    /// <summary>
    /// The author's save and the reviewer's approval race, many times over. Either may win; the approval may also lose
    /// to the save's concurrent write. What never happens: a published revision the reviewer did not see.
    /// </summary>
    [Fact]
    public async Task ConcurrentSaveAndApproval_NeverPublishesARevisionTheReviewerDidNotSee()
    {
        var (author, reviewer, _) = await PeopleAsync("race");
        for (var round = 0; round < 8; round++)
        {
            var id = await CreatePlaybookAsync(author, $"Race {round}", $"reviewed text {round}\n");
            await ActAsync(author, id, "Submit");
            var seen = await RevisionOnReviewPageAsync(reviewer, id);
            var version = await VersionShownAsync(author, id);

            var save = EditAsync(author, id, $"Race {round}", $"unreviewed text {round}\n", version);
            var approve = ReviewAsync(reviewer, id, "Approve", $"approved in round {round}", seen);
            await Task.WhenAll(save, approve);

            // Either order is legitimate; what must hold for every one of them:
            var published = await factory.WithDbAsync(db => db.KnowledgeDocuments.AsNoTracking()
                .Where(d => d.Id == id).Select(d => d.PublishedRevisionNumber).SingleAsync());
            Assert.True(published is null || published == seen, $"round {round}: revision {published} published, the reviewer saw {seen}");
            Assert.All(await CommentsAsync(id), c => Assert.Equal(seen, c));
        }
    }

    private async Task<(HttpClient Author, HttpClient Reviewer, HttpClient Staff)> PeopleAsync(string tag)
    {
        await factory.EnsureUserAsync($"author-{tag}@race.test", Roles.Contributor);
        await factory.EnsureUserAsync($"reviewer-{tag}@race.test", Roles.KnowledgeManager);
        await factory.EnsureUserAsync($"staff-{tag}@race.test", Roles.Staff);
        return (await factory.SignInAsync($"author-{tag}@race.test", PortalFactory.UserPassword),
            await factory.SignInAsync($"reviewer-{tag}@race.test", PortalFactory.UserPassword),
            await factory.SignInAsync($"staff-{tag}@race.test", PortalFactory.UserPassword));
    }

    /// <summary>The revision the reviewer's page names in its decision forms.</summary>
    private static async Task<int> RevisionOnReviewPageAsync(HttpClient reviewer, int id)
    {
        var page = await reviewer.GetStringAsync($"/Knowledge/Details/{id}");
        return int.Parse(RevisionField().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<List<int>> CommentsAsync(int id) => factory.WithDbAsync(db =>
        db.Set<ReviewComment>().AsNoTracking().Where(c => c.DocumentId == id).Select(c => c.RevisionNumber).ToListAsync());

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();
}
