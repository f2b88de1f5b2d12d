using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Core.Tests.Markdown;

/// <summary>
/// Every text either renders or is refused with a reason a person can act on: never an exception, never a render
/// whose work grows faster than the text (how fast it is, is the benchmark's business: docs/benchmarks.md#markdown).
/// </summary>
public sealed partial class MarkdownLimitsTests
{
    private readonly MarkdownRenderer renderer = new();

    public static TheoryData<string> HostileShapes()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in HostileCorpus.Markdown)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileShapes))]
    public void HostileShape_RendersOrIsRefusedWithAReason_AndItsPlainTextNeverThrows(string shape)
    {
        var markdown = HostileCorpus.Markdown.Single(s => s.Name == shape).Markdown;

        var rendered = renderer.Render(markdown);
        var plain = renderer.ToPlainText(markdown);

        Assert.True(rendered.Succeeded ? rendered.Html.Length > 0 : rendered.Problem!.Message.Length > 0);
        Assert.Equal(rendered.Problem?.Message, MarkdownRenderer.FindProblem(markdown)?.Message);
        Assert.NotNull(plain);
    }

    [Theory]
    [InlineData(10_000, '>')]
    [InlineData(33, '>')]
    public void DeepQuotes_AreRefusedAsTooDeep(int depth, char marker)
    {
        var rendered = renderer.Render(new string(marker, depth) + " text");

        Assert.False(rendered.Succeeded);
        Assert.Contains("nested more than {0} levels", rendered.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(MarkdownLimits.MaxNesting, rendered.Problem.Arguments.Single());
    }

    [Fact]
    public void NestingAtTheLimit_Renders()
    {
        var rendered = renderer.Render(string.Concat(Enumerable.Range(0, MarkdownLimits.MaxNesting).Select(i => new string(' ', i * 2) + "- level\n")));

        Assert.True(rendered.Succeeded, rendered.Problem?.FormattedMessage);
        Assert.Equal(MarkdownLimits.MaxNesting, Regex.Matches(rendered.Html, "<ul>").Count);
    }

    [Fact]
    public void RepeatedHeadings_GetDistinctAnchors_CountingOnFromTheLastOne()
    {
        var markdown = "# Step\n# Step-2\n" + string.Concat(Enumerable.Repeat("# Step\n", 500));

        var ids = Regex.Matches(renderer.ToHtml(markdown), "<h1 id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(502, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["step", "step-2", "step-1", "step-3", "step-4"], ids.Take(5));
        Assert.Equal("step-501", ids[^1]);
    }

    [Fact]
    public void ChineseHeading_KeepsItsWordsInTheAnchor()
    {
        Assert.Contains("<h2 id=\"转化率的做法\">", renderer.ToHtml("## 转化率的做法\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("headings", "# h\n", MarkdownLimits.MaxHeadings)]
    [InlineData("links", "[a](https://a.example)\n\n", MarkdownLimits.MaxLinks)]
    [InlineData("table rows", "| 1 |\n", MarkdownLimits.MaxTableRows)]
    public void OneOverALimit_IsRefused_AtTheLimitRenders(string what, string unit, int limit)
    {
        // A table's header row is a row too.
        string Document(int count) => what == "table rows"
            ? "| a |\n|---|\n" + string.Concat(Enumerable.Repeat(unit, count - 1))
            : string.Concat(Enumerable.Repeat(unit, count));

        var atLimit = renderer.Render(Document(limit));
        var over = renderer.Render(Document(limit + 1));

        Assert.True(atLimit.Succeeded, atLimit.Problem?.FormattedMessage);
        Assert.False(over.Succeeded);
        Assert.Equal(limit, over.Problem!.Arguments.Single());
    }

    [Fact]
    public void TooManyElements_IsRefusedWithTheLimit()
    {
        var rendered = renderer.Render(string.Concat(Enumerable.Repeat("word\n\n", MarkdownLimits.MaxElements + 1)));

        Assert.False(rendered.Succeeded);
        Assert.Equal(MarkdownLimits.MaxElements, rendered.Problem!.Arguments.Single());
    }

    [Fact]
    public void ManyEmphasisMarksInOneParagraph_AreRefusedBeforeParsing_ButTheSameMarksInParagraphsRender()
    {
        var onePara = string.Concat(Enumerable.Repeat("*a* ", 8_000));
        var paragraphs = string.Concat(Enumerable.Repeat("*a* *b* [c](https://c.example)\n\n", 1_000));

        Assert.Contains("too many emphasis marks", MarkdownLimits.CheckSource(onePara)!.Message, StringComparison.Ordinal);
        Assert.Null(MarkdownLimits.CheckSource(paragraphs));
        Assert.True(renderer.Render(paragraphs).Succeeded);
    }

    [Fact]
    public void MarkersInsideCode_AreNotCounted()
    {
        var code = "```\n" + string.Concat(Enumerable.Repeat("SELECT * FROM t WHERE a_b = '[x]';\n", 4_000)) + "```\n";
        var spans = string.Concat(Enumerable.Repeat("`snake_case_name[0]*2` ", 2_000));

        Assert.Null(MarkdownLimits.CheckSource(code));
        Assert.Null(MarkdownLimits.CheckSource(spans));
    }

    [Fact]
    public void TooLong_IsRefusedWithTheLengthLimit()
    {
        var rendered = renderer.Render(new string('a', MarkdownRenderer.MaxSourceLength + 1));

        Assert.Equal(MarkdownProblem.TooLong, rendered.Problem);
    }

    [Fact]
    public void ARealPlaybook_IsFarInsideTheLimits()
    {
        var playbook = new StringBuilder("# Discovery call\n\n");
        for (var section = 1; section <= 40; section++)
        {
            playbook.Append($"## Step {section}\n\nAsk **who signs** and _when_; see [the guide](https://guide.example/{section}).\n\n");
            playbook.Append("| Question | Why |\n|---|---|\n| Budget? | **Qualify** |\n| Timeline? | _Plan_ |\n\n- one\n- two\n  - nested\n\n> Tip: listen.\n\n");
        }

        Assert.Null(MarkdownRenderer.FindProblem(playbook.ToString()));
    }
}
