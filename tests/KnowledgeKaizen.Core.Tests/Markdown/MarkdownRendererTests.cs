namespace KnowledgeKaizen.Core.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    /// <summary>Each Markdown extension the portal enables, and the markup it must produce.</summary>
    [Theory]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |\n", "<table", "<td>1</td>")] // pipe table
    [InlineData("- [x] done\n- [ ] open\n", "type=\"checkbox\"", "checked", "disabled")] // task list, read-only boxes
    [InlineData("Claim.[^1]\n\n[^1]: Source.\n", "href=\"#fn:1\"", "id=\"fn:1\"")] // footnote links to its note
    [InlineData("### 1. Confirm the budget owner {#step-1}\n", "<h3 id=\"step-1\">1. Confirm the budget owner</h3>")] // explicit anchor kept
    [InlineData("## Why it works\n", "id=\"why-it-works\"")] // automatic anchor
    [InlineData("```mermaid\nflowchart TD\n  A[\"线索\"] --> B\n```\n", "class=\"mermaid\"", "flowchart TD", "--&gt;")] // left for the client-side renderer
    [InlineData("[site](https://example.com) [mail](mailto:a@b.c) [step](#step-2) [doc](/Knowledge/Details/3)",
        "href=\"https://example.com\"", "href=\"mailto:a@b.c\"", "href=\"#step-2\"", "href=\"/Knowledge/Details/3\"")] // safe links kept
    [InlineData("Use `<br>` in text.\n\n```mermaid\nflowchart TD\n  A --> B\n```\n", "<code>&lt;br&gt;</code>")] // tags outside diagrams stay escaped text
    public void ToHtml_ProducesTheMarkupOfEachEnabledExtension(string markdown, params string[] expected)
    {
        var html = renderer.ToHtml(markdown);
        Assert.All(expected, fragment => Assert.Contains(fragment, html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- [x] Ask **who signs**\n- [ ] Send the `summary`\n", "Ask who signs", "Send the summary")]
    [InlineData("1. [ ] 确认决策人\n2. [x] 邀请他参加[演示](https://example.com)\n", "确认决策人", "邀请他参加演示")]
    [InlineData("> - [ ] quoted \"item\" & more\n>   - [x] nested\n", "quoted &quot;item&quot; &amp; more", "nested")]
    public void Render_TaskList_NamesEachCheckboxByItsItem(string markdown, string first, string second)
    {
        var html = renderer.ToHtml(markdown);
        var labels = System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*aria-label=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([first, second], labels);
    }

    [Fact]
    public void Render_TaskList_ShortensALongItemsLabel()
    {
        var html = renderer.ToHtml("- [ ] " + string.Join(' ', Enumerable.Repeat("word", 100)) + "\n");
        var label = System.Text.RegularExpressions.Regex.Match(html, "aria-label=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(200, label.Length);
        Assert.EndsWith("…", label, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownClassFromGenericAttributes_IsDropped()
    {
        var html = renderer.ToHtml("Text {.btn-danger .mermaid}\n");
        Assert.DoesNotContain("btn-danger", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Heading {#step-1}\n\nText", "Heading Text")]
    [InlineData("See [the guide](https://x.example/a?b=c) now", "See the guide now")]
    [InlineData("![diagram](img.png) **bold** _it_ ~~gone~~", "diagram bold it gone")]
    [InlineData("| a | b |\n|---|:--:|\n| 1 | 2 |", "a b 1 2")]
    [InlineData("```csharp\nvar x = 1;\n```", "var x = 1;")]
    [InlineData("<div class=\"x\">Hi &amp; bye</div>", "Hi & bye")]
    [InlineData("- item one\n1. item two\n> quoted", "item one item two quoted")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    [InlineData("Read [the guide][g] first\n\n[g]: https://x.example/guide", "Read the guide first")]
    [InlineData("Mail <mailto:a@b.example> or <!-- hidden --> call", "Mail or call")]
    [InlineData("Title\n=====\n\n- [x] done", "Title done")]
    [InlineData("Plain words, no syntax at all: 3 + 4", "Plain words, no syntax at all: 3 + 4")]
    [InlineData("# Title\n\nSome **bold** and [a link](https://example.com).\n\n- item\n", "Title Some bold and a link. item")]
    public void ToPlainText_KeepsTheWordsAndDropsTheSyntax(string markdown, string expected) =>
        Assert.Equal(expected, renderer.ToPlainText(markdown));

    [Fact]
    public void Render_MermaidLabelWithTags_LosesTheTagsButKeepsArrows()
    {
        var html = renderer.ToHtml("```mermaid\nflowchart TD\n  A[\"<img src=x onerror=alert(1)>Start\"] --> B\n  B <-- C\n  C -.-> D[\"<b\"]\n```\n");

        Assert.DoesNotContain("img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;b", html, StringComparison.Ordinal);
        Assert.Contains("Start", html, StringComparison.Ordinal);
        Assert.Contains("A[\"Start\"] --&gt; B", html, StringComparison.Ordinal);
        Assert.Contains("B &lt;-- C", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Quote follow-up\n\nCall within two days.\n", "Quote follow-up")]
    [InlineData("#   quote   FOLLOW-UP  \n\nCall within two days.\n", "Quote follow-up")]
    [InlineData("# 报价跟进\n\nCall within two days.\n", "报价跟进")]
    public void RenderUnderTitle_LeadingHeadingThatRepeatsTheTitle_IsLeftOut(string body, string title)
    {
        var html = renderer.ToHtml(body, title);

        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<p>Call within two days.</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Why we call back\n\nText.\n")]
    [InlineData("Intro.\n\n# Quote follow-up\n")]
    [InlineData("## Quote follow-up\n")]
    public void RenderUnderTitle_OtherHeadings_AreKept(string body)
    {
        var html = renderer.ToHtml(body, "Quote follow-up");

        Assert.Equal(renderer.ToHtml(body), html);
    }
}
