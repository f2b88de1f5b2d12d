using System.Text.RegularExpressions;
using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace KnowledgeKaizen.Search.Tests;

/// <summary>Highlighting from indexed offsets: phrases, passage choice, mixed languages and the re-analysis fallback.</summary>
public sealed partial class HighlightPassageTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("The team met the buyer again and took careful notes. ", 8));

    [Fact]
    public void PhraseQuery_MarksOnlyWhereTheWordsStandTogether()
    {
        using var index = Docs.IndexWith(Docs.Make("p", "Pricing", "The price is fair. Ask for the price list before the call."));

        var hit = index.Find("\"price list\"").Hits.Single();

        Assert.Equal(["price list"], Marked(hit.SnippetHtml));
    }

    [Fact]
    public void LongBody_ShowsThePassageWithTheMostQueriedWords()
    {
        var body = "Budget talk comes first. " + Filler + "Budget approval needs two signatures from finance. " + Filler;
        using var index = Docs.IndexWith(Docs.Make("b", "Approvals", body));

        var hit = index.Find("budget approval").Hits.Single();

        Assert.Equal(["Budget", "approval"], Marked(hit.SnippetHtml));
        Assert.StartsWith("…<mark>Budget</mark> <mark>approval</mark> needs two signatures", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.EndsWith("…", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.True(hit.SnippetHtml.Length < 260, hit.SnippetHtml);
    }

    [Fact]
    public void LatinWordInChineseText_IsMarkedOnce()
    {
        using var index = Docs.IndexWith(Docs.Make("m", "折扣说明", "客户要求 discount 的时候，先确认预算。"));

        var hit = index.Find("discount").Hits.Single();

        Assert.Equal(["discount"], Marked(hit.SnippetHtml));
        Assert.Equal("客户要求 <mark>discount</mark> 的时候，先确认预算。", hit.SnippetHtml);
    }

    [Fact]
    public void Title_WithRepeatedWord_MarksEveryOccurrence()
    {
        using var index = Docs.IndexWith(Docs.Make("t", "Renewal & \"tips\" for renewal calls", "Call early."));

        var hit = index.Find("renewal").Hits.Single();

        Assert.Equal("<mark>Renewal</mark> &amp; &quot;tips&quot; for <mark>renewal</mark> calls", hit.TitleHtml);
    }

    [Fact]
    public void IndexWithoutOffsets_IsHighlightedByReanalysis()
    {
        using var directory = new RAMDirectory();
        using var analyzers = new SearchAnalyzers();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(EnglishSearchAnalyzer.Version, analyzers.PerField)))
        {
            writer.AddDocument([new TextField("body_en", "When the price is too high, ask why.", Field.Store.NO)]);
        }

        using var reader = DirectoryReader.Open(directory);
        var plan = new Highlighting.Plan(new TermQuery(new Term("body_en", "price")));

        Assert.Null(PostingsMatches.Find(reader.Leaves[0].AtomicReader, 0, plan.Body));
        var snippet = new Highlighting(analyzers).Snippet(plan, reader, 0, "When the price is too high, ask why.", matchedUnstemmed: false);
        Assert.Equal(["price"], Marked(snippet));
    }

    [Fact]
    public void Passage_IgnoresSpansBeyondTheText()
    {
        var passage = MarkedText.BestPassage("short text", [new MatchSpan(50, 55, "x"), new MatchSpan(0, 5, "short")], 160);

        Assert.Equal("<mark>short</mark> text", passage);
    }

    private static string[] Marked(string html) => [.. MarkRegex().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkRegex();
}
