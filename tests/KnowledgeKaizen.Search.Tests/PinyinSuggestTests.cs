namespace KnowledgeKaizen.Search.Tests;

/// <summary>Type-ahead and "did you mean" for Chinese typed as pinyin with the input method off.</summary>
public sealed class PinyinSuggestTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("funnel", "销售漏斗周检", "每周检查漏斗里停滞的机会。", tags: ["销售漏斗"]),
        Docs.Make("renewal", "续约提醒流程", "合同到期前九十天提醒客户续约。", tags: ["续约"]),
        Docs.Make("visit", "客户拜访记录", "拜访后二十四小时内在 CRM 中记录要点。"),
        Docs.Make("bank", "銀行回款核對", "每月與銀行對賬。"),
        Docs.Make("improve", "推动持续改善的例会", "每周例会回顾改善措施。"),
        Docs.Make("secret", "续约价格底线", "仅限管理层。", visibility: SearchVisibility.ForRoles("KnowledgeManager")),
        Docs.Make("english", "Pricing objections", "When a buyer says the price is too high, ask what they compare it with.", tags: ["pricing"]),
        Docs.Make("english2", "Price objection playbook", "Price objection handling for renewals.", tags: ["price"]),
        Docs.Make("english3", "Children's safety", "A child may not enter the workshop."));

    [Theory]
    [InlineData("xiaoshou", "销售漏斗周检")]
    [InlineData("xsld", "销售漏斗周检")]
    [InlineData("loudou", "销售漏斗周检")]
    [InlineData("baifang", "客户拜访记录")]
    [InlineData("kehu bai", "客户拜访记录")]
    [InlineData("yinhang", "銀行回款核對")]
    [InlineData("Yín Háng", "銀行回款核對")]
    [InlineData("yin2hang2", "銀行回款核對")]
    public void Titles_AreSuggestedFromFullPinyinAndInitials(string typed, string title) =>
        Assert.Contains(_index.Suggest(typed, 8, Docs.Staff), s => s.Kind == SearchSuggestionKind.Title && s.Text == title);

    [Theory]
    [InlineData("xuyue", "续约")]
    [InlineData("xy", "续约")]
    [InlineData("xsl", "销售漏斗")]
    public void Tags_AreSuggestedFromPinyin(string typed, string tag) =>
        Assert.Contains(_index.Suggest(typed, 8, Docs.Staff), s => s.Kind == SearchSuggestionKind.Tag && s.Text == tag);

    [Fact]
    public void Pinyin_NeverSuggestsWhatTheReaderMayNotSee() =>
        Assert.DoesNotContain(_index.Suggest("xuyuejiage", 8, Docs.Staff), s => s.Text == "续约价格底线");

    [Fact]
    public void SearchTypedInPinyin_ShowsTheChineseItSpells_NotAnEnglishWord()
    {
        var result = _index.Find("chixu gaishan");

        Assert.Equal("持续改善", result.DidYouMean);
        Assert.Equal(["improve"], result.Keys());
        Assert.Contains(result.Notices, n => n.Kind == SearchNoticeKind.ShowingCorrected);
    }

    [Fact]
    public void PinyinWithoutAChineseMatch_IsNotTurnedIntoAnEnglishWord()
    {
        var result = _index.Find("chixu");

        Assert.NotEqual("child", result.DidYouMean);
        Assert.DoesNotContain("english3", result.Keys());
    }

    [Fact]
    public void DidYouMean_IsNotOffered_WhenEveryWordWasFound()
    {
        var result = _index.Find("price objection");

        Assert.Null(result.DidYouMean);
        Assert.Contains("english2", result.Keys());
    }

    [Fact]
    public void DidYouMean_IsOffered_ForATypoNextToAGoodWord()
    {
        var result = _index.Find("pricng objections");

        Assert.Equal("pricing objections", result.DidYouMean);
        Assert.Contains("english", result.Keys());
    }

    public void Dispose() => _index.Dispose();
}
