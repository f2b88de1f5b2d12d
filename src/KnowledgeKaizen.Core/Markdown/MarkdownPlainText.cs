using System.Net;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeKaizen.Core.Markdown;

/// <summary>
/// The words of a parsed document without its syntax: text, link and image text, code, table cells, the text of
/// raw HTML, the labels of diagrams; never URLs, tags, comments, attribute blocks, task boxes or diagram source.
/// What the search index and summaries read.
/// </summary>
internal static partial class MarkdownPlainText
{
    /// <summary>The words of a whole document or of one block (e.g. a heading).</summary>
    public static string Of(Block block)
    {
        var text = new StringBuilder();
        Block(block, text);
        return Collapse(text);
    }

    private static void Block(Block block, StringBuilder text)
    {
        switch (block)
        {
            case HtmlBlock html:
                text.Append(' ').Append(WebUtility.HtmlDecode(Tag().Replace(html.Lines.ToString(), " "))).Append(' ');
                break;
            case FencedCodeBlock fenced when MarkdownRenderer.IsDiagram(fenced):
                text.Append(' ').AppendJoin(' ', MermaidLabels.Of(fenced.Lines.ToString())).Append(' ');
                break;
            case CodeBlock code:
                text.Append(' ').Append(code.Lines.ToString()).Append(' ');
                break;
            case LeafBlock { Inline: { } inline }:
                Inlines(inline, text);
                text.Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Block(child, text);
                }

                break;
        }
    }

    private static void Inlines(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline or HtmlInline or TaskList:
                    text.Append(' ');
                    break;
                case ContainerInline children:
                    Inlines(children, text);
                    break;
            }
        }
    }

    private static string Collapse(StringBuilder text) => Collapse(text.ToString());

    /// <summary>Words separated by single spaces.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
