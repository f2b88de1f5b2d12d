using KnowledgeKaizen.Core.Identity;

namespace KnowledgeKaizen.Search.Indexing.Tests;

public sealed class SearchDocumentSourceTests : IDisposable
{
    private readonly IndexingTestDatabase database = new();

    [Theory]
    [InlineData("The courier was late again. Second time this month.", "The courier was late again.")]
    [InlineData("快递又迟到了。这个月第二次。", "快递又迟到了。")]
    [InlineData("no sentence end here", "no sentence end here")]
    public void FeedbackTitle_IsTheFirstSentence(string text, string expected) =>
        Assert.Equal(expected, SearchDocumentSource.FeedbackTitle(text));

    [Fact]
    public void FeedbackTitle_OfALongSentence_IsCutAt80Characters()
    {
        var title = SearchDocumentSource.FeedbackTitle(string.Join(' ', Enumerable.Repeat("word", 40)));
        Assert.True(title.Length <= 80);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsVisibleToItsAuthorAndTheReviewers_Only()
    {
        var id = await database.NewPlaybookAsync("Two-visit discovery");
        var document = await LoadPlaybookAsync(id);

        Assert.Equal(["author-1"], document.Visibility.UserIds);
        Assert.Equal([Roles.KnowledgeManager, Roles.Admin], document.Visibility.Roles);
        Assert.Equal("draft", document.Status);
    }

    [Fact]
    public async Task Counts_ListEveryType_WithResolvedCasesOnly()
    {
        await database.NewCaseAsync("Invoice shows the old price", resolution: null);
        await database.NewPlaybookAsync("Two-visit discovery");
        await using var db = database.NewContext();

        var counts = await database.Source(db).CountsAsync();

        Assert.Equal(SearchDocumentTypes.All.Order(), counts.Keys.Order());
        Assert.Equal(1, counts[SearchDocumentTypes.Playbook]);
        Assert.Equal(0, counts[SearchDocumentTypes.Case]);
    }

    /// <summary>Markdown is indexed as its words, without syntax or web addresses; a diagram as its labels, not its source.</summary>
    [Theory]
    [InlineData("**Price** objections",
        "## Steps {#step-1}\n\nWhen a buyer says the **price** is too high, see [the guide](https://intranet/x?a=b).\n\n<div>note &amp; check</div>",
        "Price objections", "Steps When a buyer says the price is too high, see the guide. note & check")]
    [InlineData("Escalation path",
        "Escalate early.\n\n```mermaid\nflowchart TD\n  L1[\"First line\"] -->|after 4 hours| L2{{Product specialist}}\n  L2 -.-> 工程师\n```\n",
        "Escalation path", "Escalate early. First line after 4 hours Product specialist 工程师")]
    public async Task MarkdownDocument_IsIndexedAsItsWords_WithoutSyntaxUrlsOrDiagramSource(string title, string markdown, string indexedTitle, string indexedBody)
    {
        var id = await database.NewPlaybookAsync(title, markdown);
        var document = await LoadPlaybookAsync(id);

        Assert.Equal(indexedTitle, document.Title);
        Assert.Equal(indexedBody, document.Body);
    }

    [Fact]
    public void FeedbackVisibility_LeavesOutStaffAndTrainers()
    {
        Assert.DoesNotContain(Roles.Staff, SearchVisibilityRules.Feedback.Roles);
        Assert.DoesNotContain(Roles.Trainer, SearchVisibilityRules.Feedback.Roles);
        Assert.Contains(Roles.Contributor, SearchVisibilityRules.Feedback.Roles);
    }

    /// <summary>The playbook as the index would receive it.</summary>
    private async Task<SearchDocument> LoadPlaybookAsync(int id)
    {
        await using var db = database.NewContext();
        return Assert.Single(await database.Source(db).LoadAsync(SearchDocumentTypes.Playbook, [id.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
    }

    public void Dispose() => database.Dispose();
}
