using KnowledgeKaizen.Search.Text;

namespace KnowledgeKaizen.Search.Tests.Text;

public sealed class MarkdownTextTests
{
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
    public void ToPlainText_StripsSyntaxAndKeepsWords(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownText.ToPlainText(markdown));
    }

    [Theory]
    [InlineData("在 CRM 里记录每一次电话", "zh")]
    [InlineData("Record every call in the CRM", "en")]
    [InlineData("Use the 转化率 dashboard to compare reps across all stages of the funnel", "en")]
    public void Detect_UsesTheShareOfCjk(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }
}
