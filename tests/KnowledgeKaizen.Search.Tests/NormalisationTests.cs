using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Search.Tests;

/// <summary>Full-width forms and Traditional characters meet their plain and Simplified spellings, in both directions.</summary>
public sealed partial class NormalisationTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("kpi", "KPI review for Q3", "Compare the KPI dashboard of 2025 with the SLA targets."),
        Docs.Make("fw", "ＯＫＲ 工作坊", "每季度的ＯＫＲ复盘，在Ｑ２结束前完成。"),
        Docs.Make("simplified", "客户满意度调查", "每个季度对重点客户做满意度调查，并记录改进措施。"),
        Docs.Make("traditional", "銷售漏斗管理", "每週檢查銷售漏斗，清理停滯超過三十天的機會。"),
        Docs.Make("unrelated", "会议纪要模板", "会议结束后二十四小时内发出纪要。"));

    [Theory]
    [InlineData("ＫＰＩ", "kpi")]
    [InlineData("ｓｌａ ｔａｒｇｅｔｓ", "kpi")]
    [InlineData("２０２５", "kpi")]
    [InlineData("OKR", "fw")]
    [InlineData("q2", "fw")]
    public void FullWidthAndHalfWidth_FindEachOther(string query, string expected) =>
        Assert.Equal([expected], _index.Find(query).Keys());

    [Theory]
    [InlineData("滿意度調查", "simplified")]
    [InlineData("客戶", "simplified")]
    [InlineData("销售漏斗", "traditional")]
    [InlineData("机会", "traditional")]
    public void TraditionalAndSimplified_FindEachOther_AsWholeWords(string query, string expected)
    {
        var result = _index.Find(query);

        Assert.Equal([expected], result.Keys());
        Assert.DoesNotContain(result.Notices, n => n.Kind == SearchNoticeKind.RelaxedToAnyWord);
    }

    [Fact]
    public void Highlight_MarksTheWordAsWritten()
    {
        var traditional = _index.Find("销售漏斗").Hits.Single();
        var fullWidth = _index.Find("okr").Hits.Single();

        Assert.Equal(["銷售", "漏斗"], Marked(traditional.TitleHtml));
        Assert.Contains("銷售漏斗", Marked(traditional.SnippetHtml).Aggregate("", string.Concat), StringComparison.Ordinal);
        Assert.Equal(["ＯＫＲ"], Marked(fullWidth.TitleHtml));
    }

    [Fact]
    public void Tags_TypedInTraditional_SuggestTheSimplifiedTag()
    {
        using var index = Docs.IndexWith(Docs.Make("t", "续约提醒", "提前九十天提醒续约。", tags: ["续约管理"]));

        Assert.Contains(index.Suggest("續約", 5, Docs.Staff), s => s is { Kind: SearchSuggestionKind.Tag, Text: "续约管理" });
    }

    private static string[] Marked(string html) => [.. MarkRegex().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkRegex();

    public void Dispose() => _index.Dispose();
}
