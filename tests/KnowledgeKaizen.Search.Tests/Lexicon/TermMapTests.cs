namespace KnowledgeKaizen.Search.Tests.Lexicon;

public sealed class TermMapTests
{
    private const string Markdown = """
        # Terms

        Notes for editors.

        | English | 中文 |
        |---|---|
        | sales funnel, pipeline | 销售漏斗 |
        | renewal | 续约，续签 |
        """;

    [Fact]
    public void Parse_ReadsNotesAndRows()
    {
        var (map, problems) = TermMap.Parse(Markdown);

        Assert.Empty(problems);
        Assert.Equal(2, map.Entries.Count);
        Assert.Equal(["sales funnel", "pipeline"], map.Entries[0].English);
        Assert.Equal(["续约", "续签"], map.Entries[1].Chinese);
        Assert.StartsWith("# Terms", map.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_ReadsBackToTheSameEntries()
    {
        var (map, _) = TermMap.Parse(Markdown);

        var (again, problems) = TermMap.Parse(map.ToMarkdown());

        Assert.Empty(problems);
        Assert.Equal(map.Notes, again.Notes);
        Assert.Equal(map.Entries.Select(e => string.Join('/', e.All)), again.Entries.Select(e => string.Join('/', e.All)));
    }

    [Fact]
    public void FromRows_ReportsEachProblemWithItsRow()
    {
        var (map, problems) = TermMap.FromRows([
            ("churn", "客户流失"),
            ("", ""),
            ("onboarding", ""),
            ("Churn rate, CHURN", "流失率"),
            (new string('x', TermMap.MaxTermLength + 1), "太长"),
        ]);

        Assert.Equal(["churn"], map.Entries.SelectMany(e => e.English));
        Assert.Equal(
            [(3, TermMapProblemKind.MissingLanguage, (string?)null), (4, TermMapProblemKind.DuplicateTerm, "CHURN"), (5, TermMapProblemKind.TermTooLong, new string('x', TermMap.MaxTermLength + 1))],
            problems.Select(p => (p.Row, p.Kind, p.Term)));
    }

    [Fact]
    public void FromRows_TraditionalAndSimplifiedSpellings_AreOneTerm()
    {
        var (_, problems) = TermMap.FromRows([("churn", "客户流失"), ("attrition", "客戶流失")]);

        Assert.Equal(TermMapProblemKind.DuplicateTerm, Assert.Single(problems).Kind);
    }
}
