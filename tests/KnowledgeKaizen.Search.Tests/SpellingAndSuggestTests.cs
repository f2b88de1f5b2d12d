namespace KnowledgeKaizen.Search.Tests;

public sealed class SpellingAndSuggestTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("a", "Conversion tracking", "Track conversion per stage.", tags: ["Conversion", "Funnel"]),
        Docs.Make("b", "Conversion reviews", "Weekly conversion review with the team.", tags: ["conversion-rate"]),
        Docs.Make("c", "Conversation openers", "Open with a question about conversion goals.", helpfulness: 5),
        Docs.Make("d", "Complaint escalation", "Escalate a complaint to the service lead.", tags: ["complaint"]),
        Docs.Make("e", "转化率分析", "按阶段分析转化率。", tags: ["转化率"]));

    [Fact]
    public void Misspelling_SuggestsTheIndexedWord_AndShowsItsResults()
    {
        var result = _index.Find("convrsion");

        Assert.Equal("conversion", result.DidYouMean);
        Assert.Contains(result.Notices, n => n.Kind == SearchNoticeKind.ShowingCorrected);
        Assert.Equal(["a", "b", "c"], result.Keys().Order());
    }

    [Fact]
    public void Misspelling_WithoutCorrection_FallsBackToSimilarSpellings()
    {
        var result = _index.Find("complaiint escalatoin");

        Assert.Contains("d", result.Keys());
        Assert.Contains(result.Notices, n => n.Kind is SearchNoticeKind.ShowingCorrected or SearchNoticeKind.ShowingSimilar);
    }

    [Fact]
    public void Fuzzy_Fallback_FindsNearWordsWhenNoCorrectionIsOffered()
    {
        // The typo exists once, in a draft staff cannot see, and the right word only once: no correction is
        // more frequent than the typo, so only the fuzzy fallback can find the visible document.
        using var index = Docs.IndexWith(
            Docs.Make("x", "Escalation", "escalation path"),
            Docs.Make("draft", "Draft", "escalatoin typo", visibility: SearchVisibility.ForRoles("KnowledgeManager")));

        var result = index.Find("escalatoin");

        Assert.Equal(["x"], result.Keys());
        Assert.Null(result.DidYouMean);
        Assert.Contains(result.Notices, n => n.Kind == SearchNoticeKind.ShowingSimilar);
        Assert.Contains("<mark>", result.Hits[0].SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_OffersTagsThenTitlesStartingWithThePrefix()
    {
        var suggestions = _index.Suggest("conv", 10, Docs.Staff);

        Assert.Equal(["Conversion", "conversion-rate"], suggestions.Where(s => s.Kind == SearchSuggestionKind.Tag).Select(s => s.Text));
        Assert.Equal(["Conversation openers", "Conversion reviews", "Conversion tracking"], suggestions.Where(s => s.Kind == SearchSuggestionKind.Title).Select(s => s.Text).Order());
        Assert.Equal("Conversation openers", suggestions.First(s => s.Kind == SearchSuggestionKind.Title).Text);
        Assert.Equal("/playbooks/c", suggestions.First(s => s.Kind == SearchSuggestionKind.Title).Url);
    }

    [Fact]
    public void Suggest_MatchesLaterTitleWordsAndChinese()
    {
        Assert.Contains(_index.Suggest("conversion rev", 5, Docs.Staff), s => s.Text == "Conversion reviews");
        Assert.Contains(_index.Suggest("转化", 5, Docs.Staff), s => s.Text == "转化率分析");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"*:")]
    public void Suggest_WithNothingTyped_ReturnsNothing(string? prefix)
    {
        Assert.Empty(_index.Suggest(prefix!, 5, Docs.Staff));
    }

    [Fact]
    public void Suggest_RespectsCount()
    {
        Assert.Equal(2, _index.Suggest("con", 2, Docs.Staff).Count);
    }

    public void Dispose() => _index.Dispose();
}
