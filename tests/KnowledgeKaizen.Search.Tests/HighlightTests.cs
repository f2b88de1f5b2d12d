using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Search.Tests;

public sealed partial class HighlightTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("en", "Handling price objections", "Steps When a buyer says the price is too high, ask what they compare it with. See the guide. note <script>"),
        Docs.Make("zh", "投诉处理指南", "第一步：当客户提出投诉时，先道歉，再记录问题。第二步：二十四小时内回复客户。"));

    [Fact]
    public void EnglishSnippet_MarksTheMatchedWord_AndEscapesTheRest()
    {
        var hit = _index.Find("price").Hits.Single();

        Assert.Equal(["price"], Marked(hit.SnippetHtml));
        Assert.DoesNotContain("<script>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Equal("Handling <mark>price</mark> objections", hit.TitleHtml);
    }

    [Fact]
    public void ChineseSnippet_MarksExactlyTheQueriedWord()
    {
        var hit = _index.Find("道歉").Hits.Single();

        Assert.Equal(["道歉"], Marked(hit.SnippetHtml));
        Assert.StartsWith("第一步", StripMarks(hit.SnippetHtml), StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseTitle_MarksTheQueriedSegments()
    {
        var hit = _index.Find("投诉").Hits.Single();

        Assert.Equal(["投诉"], Marked(hit.TitleHtml).Distinct());
        Assert.Equal("投诉处理指南", StripMarks(hit.TitleHtml));
    }

    [Fact]
    public void Snippet_WithoutBodyMatch_IsTheEscapedLead()
    {
        var hit = _index.Find("objections").Hits.Single();

        Assert.Empty(Marked(hit.SnippetHtml));
        Assert.StartsWith("Steps When a buyer", hit.SnippetHtml, StringComparison.Ordinal);
    }

    private static string[] Marked(string html) => [.. MarkRegex().Matches(html).Select(m => m.Groups[1].Value)];

    private static string StripMarks(string html) => html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkRegex();

    public void Dispose() => _index.Dispose();
}
