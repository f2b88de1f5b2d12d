namespace KnowledgeKaizen.Search.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("t", "Title of the deal", "The author: Smith wrote this note about pricing.", author: "smith"),
        Docs.Make("u", "Pricing tiers", "Enterprise pricing and discounts."));

    [Theory]
    [InlineData("title:pricing")]
    [InlineData("author:smith")]
    [InlineData("ｔｉｔｌｅ：pricing")]
    [InlineData("pricing AND (title:x OR")]
    [InlineData("*pricing")]
    [InlineData("?ricing~2^5")]
    [InlineData("\"unbalanced pricing")]
    [InlineData("pricing\u0000\u0007\u001b")]
    [InlineData("pricing [* TO *] {a TO b} \\ / ! -- ||")]
    public void FieldSyntaxAndOperators_AreTreatedAsPlainText(string text)
    {
        var result = _index.Find(text);

        Assert.Contains(result.Hits, h => h.Key is "t" or "u");
    }

    [Fact]
    public void TypedFieldName_IsAWordNotAField()
    {
        // "author" occurs only in the body of t: it must be searched as text, not as the author field.
        Assert.Equal(["t"], _index.Find("author:smith").Keys());
    }

    [Fact]
    public void VeryLongQuery_IsTruncatedWithANotice()
    {
        var result = _index.Find("pricing " + new string('x', 10_000));

        Assert.Contains(result.Notices, n => n.Kind == SearchNoticeKind.QueryTruncated);
    }

    [Theory]
    [InlineData("the of and")]
    [InlineData("!!! ??? ***")]
    [InlineData("\"\"")]
    public void NothingSearchable_ReturnsEmptyWithNotice(string text)
    {
        var result = _index.Find(text);

        Assert.Empty(result.Hits);
        Assert.Contains(result.Notices, n => n.Kind == SearchNoticeKind.NoSearchableWords);
    }

    [Fact]
    public void AllWordsRequired_RelaxesToAnyWordWhenNothingHasAll()
    {
        var result = _index.Find("discounts smith");

        Assert.Equal(["t", "u"], result.Keys().Order());
        Assert.Contains(result.Notices, n => n.Kind == SearchNoticeKind.RelaxedToAnyWord);
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 100_000)]
    [InlineData(1_000_000, 10)]
    public void OutOfRangePaging_IsClamped(int skip, int take)
    {
        var result = _index.Search(new SearchRequest { Text = "pricing", Reader = Docs.Staff, Skip = skip, Take = take });

        Assert.Equal(2, result.TotalHits);
    }

    public void Dispose() => _index.Dispose();
}
