namespace KnowledgeKaizen.Search.Tests;

/// <summary>The term map lets a query in one language find documents written in the other, ranked below direct matches.</summary>
public sealed class CrossLanguageTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("zh-renewal", "续约前的准备", "合同到期前九十天联系客户，确认续约意向。", language: "zh"),
        Docs.Make("en-renewal", "Renewal checklist", "Ninety days before the contract ends, confirm the renewal with the customer.", language: "en"),
        Docs.Make("zh-funnel", "销售漏斗周检", "每周检查销售漏斗中的停滞机会。", language: "zh"),
        Docs.Make("en-churn", "Churn signals", "Falling usage is the first sign of churn.", language: "en"),
        Docs.Make("zh-other", "报价审批", "超过折扣上限的报价需要总监审批。", language: "zh"));

    public CrossLanguageTests()
    {
        _index.UseTerms(TermMap.FromRows([
            ("renewal, contract renewal", "续约"),
            ("sales funnel, pipeline", "销售漏斗"),
            ("churn, customer attrition", "客户流失"),
        ]).Map);
    }

    [Fact]
    public void EnglishQuery_FindsChineseDocuments_BelowEnglishOnes()
    {
        var result = _index.Find("renewals");

        Assert.Equal(["en-renewal", "zh-renewal"], result.Keys());
        Assert.False(result.Hits[0].ViaTermMap);
        Assert.True(result.Hits[1].ViaTermMap);
        Assert.Contains("<mark>续约</mark>", result.Hits[1].SnippetHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pipeline", "zh-funnel")]
    [InlineData("Sales Funnel", "zh-funnel")]
    [InlineData("客户流失", "en-churn")]
    [InlineData("客戶流失", "en-churn")]
    public void TermsOfEitherLanguage_FindTheOtherLanguage(string query, string expected)
    {
        var hit = Assert.Single(_index.Find(query).Hits);

        Assert.Equal(expected, hit.Key);
        Assert.True(hit.ViaTermMap);
    }

    [Fact]
    public void MixedQuery_FindsThroughTheMappedTerm_AndRequiresEveryMappedTerm()
    {
        var hit = Assert.Single(_index.Find("九十天 renewal").Hits);

        Assert.Equal("zh-renewal", hit.Key);
        Assert.True(hit.ViaTermMap);
        Assert.DoesNotContain("zh-funnel", _index.Find("renewal pipeline").Keys());
    }

    [Fact]
    public void WithoutTheTermMap_OnlyTheLanguageAsTyped_IsFound()
    {
        _index.UseTerms(TermMap.Empty);

        Assert.Equal(["en-renewal"], _index.Find("renewal").Keys());
    }

    public void Dispose() => _index.Dispose();
}
