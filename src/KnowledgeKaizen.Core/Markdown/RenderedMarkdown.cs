namespace KnowledgeKaizen.Core.Markdown;

/// <summary>Sanitised HTML, safe to emit without further encoding; empty with the <see cref="Problem"/> when the text cannot be shown.</summary>
public sealed record RenderedMarkdown(string Html, MarkdownProblem? Problem = null)
{
    public static readonly RenderedMarkdown Empty = new(string.Empty);

    public bool Succeeded => Problem is null;
}
