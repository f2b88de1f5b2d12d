using AngleSharp.Html.Parser;

namespace KnowledgeKaizen.Core.Tests.Markdown;

public sealed class MarkdownSanitisationTests
{
    private static readonly HashSet<string> ExecutableTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "meta", "link", "body",
        "details", "noscript", "frame", "frameset", "template", "button", "textarea", "select",
    };

    private readonly MarkdownRenderer renderer = new();

    public static TheoryData<string> Vectors => [.. XssCorpus.Vectors];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Render_XssVector_ProducesNoExecutableMarkup(string vector) =>
        AssertInert(renderer.ToHtml(vector));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Render_XssVectorInsideLargerDocument_ProducesNoExecutableMarkup(string vector) =>
        AssertInert(renderer.ToHtml($"# Title\n\n| a | b |\n|---|---|\n| {vector.Replace('\n', ' ')} | x |\n\n- [ ] {vector}\n\n> {vector}\n"));

    [Fact]
    public void Render_RawHtml_IsShownAsTextNotMarkup()
    {
        var html = renderer.ToHtml("<b>bold</b>");
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_JavascriptLink_LosesItsHref()
    {
        var document = new HtmlParser().ParseDocument(renderer.ToHtml("[click](javascript:alert(1))"));
        Assert.All(document.QuerySelectorAll("a"), a => Assert.Null(a.GetAttribute("href")));
    }

    /// <summary>Parses the output as a browser would and checks every element and attribute.</summary>
    private static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<html><body>{html}</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.False(ExecutableTags.Contains(element.LocalName), $"<{element.LocalName}> in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} in: {html}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                if (attribute.Name is "href" or "src" or "action" or "background" or "data" or "formaction")
                {
                    var value = attribute.Value.Trim();
                    var scheme = value.Contains(':', StringComparison.Ordinal) ? value[..value.IndexOf(':', StringComparison.Ordinal)] : string.Empty;
                    Assert.True(scheme.Length == 0 || scheme is "http" or "https" or "mailto" || scheme.Contains('/', StringComparison.Ordinal),
                        $"{attribute.Name}=\"{value}\" in: {html}");
                }
            }
        }
    }
}
