using KnowledgeKaizen.Core.Markdown;

namespace KnowledgeKaizen.Core.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Render_PipeTable_ProducesTable()
    {
        var html = renderer.ToHtml("| a | b |\n|---|---|\n| 1 | 2 |\n");
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TaskList_KeepsDisabledCheckboxes()
    {
        var html = renderer.ToHtml("- [x] done\n- [ ] open\n");
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("checked", html, StringComparison.Ordinal);
        Assert.Contains("disabled", html, StringComparison.Ordinal);
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
    public void Render_Footnote_LinksToItsNote()
    {
        var html = renderer.ToHtml("Claim.[^1]\n\n[^1]: Source.\n");
        Assert.Contains("href=\"#fn:1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fn:1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StepHeadingWithGenericAttribute_KeepsExplicitAnchor()
    {
        var html = renderer.ToHtml("### 1. Confirm the budget owner {#step-1}\n");
        Assert.Contains("<h3 id=\"step-1\">1. Confirm the budget owner</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HeadingWithoutAttribute_GetsAutomaticAnchor()
    {
        var html = renderer.ToHtml("## Why it works\n");
        Assert.Contains("id=\"why-it-works\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MermaidBlock_IsLeftForTheClientSideRenderer()
    {
        var html = renderer.ToHtml("```mermaid\nflowchart TD\n  A[\"线索\"] --> B\n```\n");
        Assert.Contains("class=\"mermaid\"", html, StringComparison.Ordinal);
        Assert.Contains("flowchart TD", html, StringComparison.Ordinal);
        Assert.Contains("--&gt;", html, StringComparison.Ordinal);
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
    public void ToPlainText_KeepsTheWordsAndDropsTheSyntax(string markdown, string expected) =>
        Assert.Equal(expected, renderer.ToPlainText(markdown));

    [Fact]
    public void ToPlainText_StripsSyntax()
    {
        var text = renderer.ToPlainText("# Title\n\nSome **bold** and [a link](https://example.com).\n\n- item\n");
        Assert.Equal("Title Some bold and a link. item", text);
    }

    [Fact]
    public void Render_SafeLinks_AreKept()
    {
        var html = renderer.ToHtml("[site](https://example.com) [mail](mailto:a@b.c) [step](#step-2) [doc](/Knowledge/Details/3)");
        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@b.c\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#step-2\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Knowledge/Details/3\"", html, StringComparison.Ordinal);
    }

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

    [Fact]
    public void Render_TagsOutsideDiagrams_AreLeftAsEscapedText()
    {
        var html = renderer.ToHtml("Use `<br>` in text.\n\n```mermaid\nflowchart TD\n  A --> B\n```\n");

        Assert.Contains("<code>&lt;br&gt;</code>", html, StringComparison.Ordinal);
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
