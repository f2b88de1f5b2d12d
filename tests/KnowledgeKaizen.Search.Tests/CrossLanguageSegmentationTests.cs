namespace KnowledgeKaizen.Search.Tests;

/// <summary>A Chinese term of the term map is found however the sentence around it is segmented into words.</summary>
public sealed class CrossLanguageSegmentationTests
{
    [Theory]
    [InlineData("合同到期前先确认蜂鸟套餐的使用情况。")]
    [InlineData("蜂鸟套餐")]
    [InlineData("升级到蜂鸟套餐以后，报表导出更快。")]
    public void ChineseTerm_IsFound_InAnySentence(string body)
    {
        using var index = Docs.IndexWith(Docs.Make("zh", "续约话术", body, language: "zh"));
        index.UseTerms(TermMap.FromRows([("hummingbird plan", "蜂鸟套餐")]).Map);

        var hit = Assert.Single(index.Find("hummingbird plans").Hits);

        Assert.True(hit.ViaTermMap);
        Assert.Contains("<mark>蜂鸟套餐</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }
}
