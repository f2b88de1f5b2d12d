using System.Text.Encodings.Web;
using KnowledgeKaizen.Core.Markdown;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>
/// Markdown as HTML for pages and exports. A revision never changes, so its HTML is rendered once and kept (in a cache
/// of bounded size). A text that cannot be rendered — over the limits, or failing for any other reason — becomes a
/// localised notice in its place, so one bad document never takes down the page, handout or package that includes it.
/// </summary>
public sealed class MarkdownHtml(MarkdownRenderer renderer, IStringLocalizer<SharedResource> l, ILogger<MarkdownHtml> logger) : IDisposable
{
    /// <summary>Characters of HTML kept across revisions, about 64 MB.</summary>
    private const long CacheChars = 32 * 1024 * 1024;

    private static readonly MarkdownProblem Failed = new("The text could not be rendered.");

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CacheChars });

    /// <summary>
    /// A saved revision's body as shown under its title (an opening heading that repeats the title left out), rendered
    /// at most once while it stays in the cache.
    /// </summary>
    public string Revision(DocumentRevision revision)
    {
        if (revision.Id == 0)
        {
            return Show(Render(revision.Body, revision.Title));
        }

        var rendered = cache.GetOrCreate(revision.Id, entry =>
        {
            var result = Render(revision.Body, revision.Title);
            entry.Size = result.Html.Length + 64;
            return result;
        })!;
        return Show(rendered);
    }

    /// <summary>Any other Markdown (course objectives, trainer notes, evidence): small, rendered on each call.</summary>
    public string Text(string? markdown) => Show(Render(markdown));

    /// <summary>Why <paramref name="markdown"/> cannot be shown, in the reader's language; null when it renders.</summary>
    public string? Refusal(string? markdown) => Render(markdown).Problem is { } problem ? Explain(problem) : null;

    public void Dispose() => cache.Dispose();

    private RenderedMarkdown Render(string? markdown, string? title = null)
    {
        try
        {
            return title is null ? renderer.Render(markdown) : renderer.Render(markdown, title);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "A Markdown text of {Length} characters could not be rendered", markdown?.Length ?? 0);
            return new RenderedMarkdown(string.Empty, Failed);
        }
    }

    private string Show(RenderedMarkdown rendered) => rendered.Problem is not { } problem
        ? rendered.Html
        : "<div class=\"alert alert-warning\" role=\"note\" data-testid=\"markdown-unavailable\">"
            + HtmlEncoder.Default.Encode(l["This text cannot be shown: {0}", Explain(problem)].Value) + "</div>";

    private string Explain(MarkdownProblem problem) => l[problem.Message, problem.Arguments].Value;
}
