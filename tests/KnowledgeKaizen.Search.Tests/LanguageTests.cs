namespace KnowledgeKaizen.Search.Tests;

public sealed class LanguageTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("en-converted", "Closing faster", "Reps who called back within a day converted twice as many leads."),
        Docs.Make("en-other", "Quote templates", "Use the standard quote template for renewals."),
        Docs.Make("zh-rate", "提高转化率的方法", "在报价阶段，我们通过每周回访客户，把转化率提高了一倍。"),
        Docs.Make("zh-complaint", "客户服务", "对于客户投诉处理，我们要求在二十四小时内回复并记录原因。"),
        Docs.Make("mixed", "CRM 使用技巧", "在 CRM 里记录每一次 follow-up 电话，可以帮助 pipeline 分析。"));

    [Fact]
    public void Search_EnglishWord_FindsOtherInflections()
    {
        Assert.Equal(["en-converted"], _index.Find("conversion").Keys());
    }

    /// <summary>
    /// Porter alone stems "conversion" and "converted" apart; the override makes it a direct match, not a
    /// fuzzy fallback, so it still wins when other documents match the query too.
    /// </summary>
    [Theory]
    [InlineData("conversion")]
    [InlineData("conversions")]
    public void Search_NounOfAVerbFamily_MatchesTheVerbDirectly_EvenWhenOtherDocumentsMatch(string query)
    {
        using var index = Docs.IndexWith(
            Docs.Make("verb", "Closing faster", "Reps who called back within a day converted twice as many leads."),
            Docs.Make("noun", "Conversion funnel", "Track the conversion of every stage."),
            Docs.Make("unrelated", "Quote templates", "Use the standard quote template for renewals."));
        var result = index.Find(query);
        Assert.Equal(["noun", "verb"], result.Keys().Order());
        Assert.DoesNotContain(result.Notices, n => n.Kind is SearchNoticeKind.ShowingSimilar or SearchNoticeKind.ShowingCorrected);
    }

    [Theory]
    [InlineData("转化率", "zh-rate")]
    [InlineData("投诉处理", "zh-complaint")]
    [InlineData("投诉", "zh-complaint")]
    public void Search_ChineseWord_FindsItInsideSentences(string query, string expected)
    {
        Assert.Contains(expected, _index.Find(query).Keys());
    }

    [Fact]
    public void Search_MixedLanguageQuery_MatchesMixedDocument()
    {
        Assert.Equal(["mixed"], _index.Find("CRM 电话").Keys());
        Assert.Equal(["mixed"], _index.Find("pipeline分析").Keys());
    }

    [Fact]
    public void Search_EnglishWordInsideChineseText_IsFound()
    {
        Assert.Equal(["mixed"], _index.Find("follow-up").Keys());
    }

    [Fact]
    public void Search_QuotedPhrase_RequiresAdjacentWords()
    {
        Assert.Equal(["en-other"], _index.Find("\"standard quote template\"").Keys());
        var reversed = _index.Find("\"template standard quote\"");
        Assert.True(reversed.TotalHits == 0 || reversed.Notices.Any(n => n.Kind == SearchNoticeKind.ShowingSimilar));
    }

    [Fact]
    public void Search_ChinesePhrase_MatchesContiguousText()
    {
        Assert.Equal(["zh-complaint"], _index.Find("\"客户投诉\"").Keys());
    }

    [Fact]
    public void Language_NotGiven_IsDetectedFromCjkShare()
    {
        var result = _index.Search(new SearchRequest { Reader = Docs.Staff, Languages = ["zh"] });

        Assert.Equal(["mixed", "zh-complaint", "zh-rate"], result.Keys().Order());
    }

    public void Dispose() => _index.Dispose();
}
