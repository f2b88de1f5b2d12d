using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace KnowledgeKaizen.Core.Markdown;

/// <summary>
/// The one Markdown pipeline of the portal: documents, editor previews and exports all go through it, so
/// what an author previews is exactly what readers see. Raw HTML is disabled in Markdig and the output is
/// sanitised again with a strict allow-list, so a crafted document can never run script. Every text is parsed,
/// measured against <see cref="MarkdownLimits"/> and only then rendered, so no input costs more than a bounded
/// amount of work; saves are checked the same way (<see cref="FindProblem"/>).
/// </summary>
public sealed partial class MarkdownRenderer
{
    /// <summary>Documents above this size are rejected by the services before they reach the renderer.</summary>
    public const int MaxSourceLength = 200_000;

    // Markdig's pipelines are thread-safe once built; one of each serves the whole process.
    private static readonly MarkdownPipeline Pipeline = HeadingIds.Use(new MarkdownPipelineBuilder().UseAdvancedExtensions())
        .DisableHtml()
        .Build();

    // Plain text needs no heading anchors.
    private static readonly MarkdownPipeline PlainPipeline = WithoutHeadingIds(new MarkdownPipelineBuilder().UseAdvancedExtensions()).Build();

    private static readonly string[] AllowedTags =
    [
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "section",
        "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "src", "alt", "title", "id", "class", "align", "colspan", "rowspan", "type", "checked", "disabled",
        "start", "role", "aria-label",
    ];

    // Only the classes Markdig emits for the extensions we use; anything else an author smuggles in through
    // generic attributes is dropped.
    private static readonly string[] AllowedClasses =
    [
        "mermaid", "contains-task-list", "task-list-item", "task-list-item-checkbox", "footnotes", "footnote-ref",
        "footnote-back-ref", "table", "math",
    ];

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>
    /// Renders Markdown to sanitised HTML, or says why it cannot: too long, nested too deeply or too many elements.
    /// Never throws for what the text contains.
    /// </summary>
    public RenderedMarkdown Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return RenderedMarkdown.Empty;
        }

        var (document, problem) = Parse(markdown, DefuseDiagrams);
        if (document is null)
        {
            return new RenderedMarkdown(string.Empty, problem);
        }

        TaskItemLabels.Apply(document);
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new RenderedMarkdown(sanitizer.Sanitize(writer.ToString()));
    }

    /// <summary>Renders Markdown to sanitised HTML, safe to emit without further encoding; throws when it cannot (<see cref="Render(string?)"/> does not).</summary>
    public string ToHtml(string? markdown)
    {
        var rendered = Render(markdown);
        return rendered.Problem is { } problem ? throw new InvalidOperationException(problem.FormattedMessage) : rendered.Html;
    }

    /// <summary>Why a text would not render (checked when it is saved), or null when it is within every limit.</summary>
    public static MarkdownProblem? FindProblem(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? null : Parse(markdown, text => text).Problem;

    /// <summary>
    /// The words of the document without Markdown syntax, for summaries and the search index: the one way the portal
    /// turns Markdown into plain text (see <see cref="MarkdownPlainText"/>). A text outside the limits (saved before
    /// they existed) is indexed as it is, whitespace collapsed, rather than parsed at any cost.
    /// </summary>
    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        if (markdown.Length > MaxSourceLength || MarkdownLimits.CheckSource(markdown) is not null)
        {
            return MarkdownPlainText.Collapse(markdown);
        }

        try
        {
            return MarkdownPlainText.Of(Markdig.Markdown.Parse(markdown, PlainPipeline));
        }
        catch (ArgumentException)
        {
            return MarkdownPlainText.Collapse(markdown);
        }
    }

    /// <summary>
    /// Renders a document's body shown under its title (document page, course module, exports): a level-1 heading
    /// that opens the body and only repeats <paramref name="title"/> is left out, so the title is not shown twice.
    /// </summary>
    public string ToHtml(string? markdown, string title) => ToHtml(WithoutRepeatedTitle(markdown, title));

    /// <summary>As <see cref="ToHtml(string?, string)"/>, but says why instead of throwing (see <see cref="Render(string?)"/>).</summary>
    public RenderedMarkdown Render(string? markdown, string title) => Render(WithoutRepeatedTitle(markdown, title));

    /// <summary>The body's Markdown without an opening level-1 heading that only repeats <paramref name="title"/>.</summary>
    public string WithoutRepeatedTitle(string? markdown, string title)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        // A text outside the limits is not parsed here: rendering it reports the problem.
        if (FindProblem(markdown) is not null)
        {
            return markdown;
        }

        return Markdig.Markdown.Parse(markdown, Pipeline).FirstOrDefault() is HeadingBlock { Level: 1, Inline: not null } heading
               && SameWords(MarkdownPlainText.Of(heading), title)
            ? markdown[Math.Min(markdown.Length, heading.Span.End + 1)..].TrimStart('\r', '\n')
            : markdown;
    }

    /// <summary>Whether a code block is a Mermaid diagram, drawn in the browser rather than shown as code.</summary>
    public static bool IsDiagram(FencedCodeBlock block) => string.Equals(block.Info, "mermaid", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether rendered HTML contains a diagram, so a page or package knows it needs the diagram script.</summary>
    public static bool HasDiagram(string html) => html.Contains("class=\"mermaid\"", StringComparison.Ordinal);

    /// <summary>
    /// Measures, parses what <paramref name="prepare"/> makes of the text and measures again; the document only when it
    /// is within the limits. The text is measured first because the preparation may parse it too.
    /// </summary>
    private static (MarkdownDocument? Document, MarkdownProblem? Problem) Parse(string markdown, Func<string, string> prepare)
    {
        if (markdown.Length > MaxSourceLength)
        {
            return (null, MarkdownProblem.TooLong);
        }

        if (MarkdownLimits.CheckSource(markdown) is { } shape)
        {
            return (null, shape);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(prepare(markdown), Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own guard against nesting it cannot handle (its message names no limit a person can act on).
            return (null, MarkdownProblem.TooDeep);
        }

        return MarkdownLimits.Check(document) is { } problem ? (null, problem) : (document, null);
    }

    private static MarkdownPipelineBuilder WithoutHeadingIds(MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.RemoveAll(e => e is Markdig.Extensions.AutoIdentifiers.AutoIdentifierExtension);
        return pipeline;
    }

    /// <summary>
    /// Mermaid parses label text as HTML in the browser before it sanitises it, so a tag inside a diagram
    /// could reach the DOM there. Diagrams never need tags: they are removed from mermaid sources here, on
    /// the server, and arrows such as "--&gt;" or "&lt;--" are left alone.
    /// </summary>
    internal static string DefuseDiagrams(string markdown)
    {
        if (!markdown.Contains("mermaid", StringComparison.OrdinalIgnoreCase) || !markdown.Contains('<', StringComparison.Ordinal))
        {
            return markdown;
        }

        var blocks = Markdig.Markdown.Parse(markdown, Pipeline).Descendants<FencedCodeBlock>()
            .Where(b => IsDiagram(b) && b.Lines.Count > 0)
            .Select(b => (Start: b.Lines.Lines[0].Position, End: b.Lines.Lines[b.Lines.Count - 1].Position + b.Lines.Lines[b.Lines.Count - 1].Slice.Length))
            .OrderByDescending(b => b.Start)
            .ToList();
        var text = new System.Text.StringBuilder(markdown);
        foreach (var (start, end) in blocks)
        {
            var source = markdown[start..end];
            text.Remove(start, end - start).Insert(start, TagLike().Replace(source, string.Empty).Replace("<", "‹", StringComparison.Ordinal)
                .Replace("‹-", "<-", StringComparison.Ordinal).Replace("‹=", "<=", StringComparison.Ordinal).Replace("‹.", "<.", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    private static bool SameWords(string a, string b) =>
        string.Equals(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.CurrentCultureIgnoreCase);

    [GeneratedRegex(@"<\s*[/!?]?\s*[A-Za-z][^>]*>?", RegexOptions.CultureInvariant)]
    private static partial Regex TagLike();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(AllowedClasses, StringComparer.Ordinal),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.AllowedClasses.UnionWith(CodeLanguageClasses());

        // Task-list checkboxes are the only inputs Markdig produces; any other input type is removed.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "INPUT" } input && input.GetAttribute("type") != "checkbox")
            {
                input.Remove();
            }
        };
        return sanitizer;
    }

    /// <summary>Syntax-highlighting hooks for the languages our documents use; mermaid is rendered client-side.</summary>
    private static IEnumerable<string> CodeLanguageClasses() =>
        new[] { "mermaid", "text", "json", "yaml", "csharp", "sql", "bash", "powershell", "xml", "html", "javascript", "python", "csv" }
            .Select(l => "language-" + l);
}
