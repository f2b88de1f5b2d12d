using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeKaizen.Core.Markdown;

/// <summary>
/// The shape a document may have, checked before it is rendered or saved, so that no text costs more than a bounded
/// amount of work (figures: docs/benchmarks.md#markdown). Two checks: <see cref="CheckSource"/> on the text before
/// parsing, because Markdig's inline parser does work that grows with the square of the emphasis marks, brackets and
/// web addresses in one paragraph; and <see cref="Check"/> on the parsed document, because rendering and sanitising
/// cost grows with the number of elements. The bounds are far above what a real playbook or procedure needs.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Quotes, lists and inline markup (emphasis, links) inside one another.</summary>
    public const int MaxNesting = 32;

    public const int MaxHeadings = 1_000;

    /// <summary>Links, images and web addresses turned into links.</summary>
    public const int MaxLinks = 2_000;

    /// <summary>Rows of all tables together.</summary>
    public const int MaxTableRows = 2_000;

    /// <summary>Every element the page will contain (paragraphs, list items, cells, emphasis, links…).</summary>
    public const int MaxElements = 20_000;

    /// <summary>
    /// The sum over paragraphs (a table or a tight run of lines counts as one) of the square of their inline markers:
    /// Markdig's inline parser costs about this many steps. 50 million is a table of 7,000 emphasis marks and links.
    /// </summary>
    public const long MaxInlineWork = 50_000_000;

    private static readonly string[] WebAddressStarts = ["http://", "https://", "www.", "ftp://", "mailto:", "tel:"];

    private static readonly MarkdownProblem HeadingsProblem = new("The document has more than {0} headings; split it into smaller documents.", MaxHeadings);

    private static readonly MarkdownProblem TableRowsProblem = new("The tables have more than {0} rows together; split the document or summarise the data.", MaxTableRows);

    /// <summary>
    /// A linear scan of the text, before Markdig sees it, so that no text makes the parser itself work long: the inline
    /// markers (<c>*</c>, <c>_</c>, <c>~</c>, <c>[</c>, <c>]</c>, backtick runs, web addresses) outside code, counted per
    /// paragraph; quote and list markers at the start of a line; heading lines and table lines.
    /// </summary>
    public static MarkdownProblem? CheckSource(string markdown)
    {
        long work = 0;
        long run = 0;
        var headings = 0;
        var tableLines = 0;
        string? fence = null;
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            var line = markdown.AsSpan(range).TrimEnd('\r');
            var content = line.TrimStart(' ');
            if (fence is not null)
            {
                // Inside a fenced code block nothing is inline markup.
                if (content.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            if (ContainerMarkers(content) > MaxNesting)
            {
                return MarkdownProblem.TooDeep;
            }

            // ATX headings, and the "=====" lines that make the line above a heading.
            headings += content.StartsWith('#') || (content.StartsWith('=') && content.TrimEnd().Trim('=').IsEmpty) ? 1 : 0;
            // A table's "|---|:--:|" line is not a row.
            tableLines += content.Contains('|') && content.ContainsAnyExcept("|-: \t") ? 1 : 0;
            if (headings > MaxHeadings || tableLines > MaxTableRows)
            {
                return headings > MaxHeadings ? HeadingsProblem : TableRowsProblem;
            }

            var starts = StartsLeafBlock(content);
            if (content.IsWhiteSpace() || starts || content.StartsWith("```", StringComparison.Ordinal) || content.StartsWith("~~~", StringComparison.Ordinal))
            {
                work += run * run;
                run = 0;
                if (content.StartsWith("```", StringComparison.Ordinal) || content.StartsWith("~~~", StringComparison.Ordinal))
                {
                    fence = content[..3].ToString();
                    continue;
                }
            }

            run += InlineMarkers(content);
        }

        work += run * run;
        return work > MaxInlineWork
            ? new MarkdownProblem("A paragraph, list item or table has too many emphasis marks, brackets or web addresses; add blank lines between paragraphs, or put code in a code block.")
            : null;
    }

    /// <summary>The first limit the parsed document exceeds, or null when it is within all of them.</summary>
    public static MarkdownProblem? Check(MarkdownDocument document)
    {
        var count = new Counts();
        var stack = new Stack<(Block Block, int Nesting)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (block, nesting) = stack.Pop();
            count.Elements++;
            switch (block)
            {
                case HeadingBlock:
                    count.Headings++;
                    break;
                case TableRow:
                    count.TableRows++;
                    break;
            }

            var inner = block is QuoteBlock or ListBlock ? nesting + 1 : nesting;
            count.Nesting = Math.Max(count.Nesting, inner);
            if (block is ContainerBlock container)
            {
                foreach (var child in container)
                {
                    stack.Push((child, inner));
                }
            }
            else if (block is LeafBlock { Inline: { } inline })
            {
                CountInlines(inline, inner, count);
            }

            if (count.Exceeded() is { } early)
            {
                return early;
            }
        }

        return count.Exceeded();
    }

    private static void CountInlines(ContainerInline root, int nesting, Counts count)
    {
        var stack = new Stack<(Inline Inline, int Nesting)>();
        stack.Push((root, nesting));
        while (stack.Count > 0)
        {
            var (inline, depth) = stack.Pop();
            if (inline is not LiteralInline)
            {
                count.Elements++;
            }

            if (inline is LinkInline or AutolinkInline)
            {
                count.Links++;
            }

            var inner = inline is ContainerInline && inline != root ? depth + 1 : depth;
            count.Nesting = Math.Max(count.Nesting, inner);
            if (inline is ContainerInline container)
            {
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    stack.Push((child, inner));
                }
            }
        }
    }

    /// <summary>A heading, a list item or a quote starts a leaf block of its own: Markdig parses its inlines separately.</summary>
    private static bool StartsLeafBlock(ReadOnlySpan<char> line)
    {
        line = line.TrimStart("> ");
        if (line.IsEmpty)
        {
            return false;
        }

        if (line[0] is '#' or '-' or '+' or '*')
        {
            return line[0] == '#' || (line.Length > 1 && line[1] == ' ');
        }

        return OrderedMarkerLength(line) > 0;
    }

    /// <summary>Quote and list markers a line opens with ("&gt; &gt; - 1. text" has four): each is one more level of nesting.</summary>
    private static int ContainerMarkers(ReadOnlySpan<char> line)
    {
        var markers = 0;
        while (true)
        {
            line = line.TrimStart(' ');
            if (line.StartsWith('>'))
            {
                line = line[1..];
            }
            else if (line.Length > 1 && line[0] is '-' or '+' or '*' && line[1] == ' ')
            {
                line = line[2..];
            }
            else if (OrderedMarkerLength(line) is > 0 and var length)
            {
                line = line[length..];
            }
            else
            {
                return markers;
            }

            markers++;
        }
    }

    /// <summary>The length of "12. " or "3) " at the start, or 0.</summary>
    private static int OrderedMarkerLength(ReadOnlySpan<char> line)
    {
        var digits = 0;
        while (digits < line.Length && digits < 9 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ' ? digits + 2 : 0;
    }

    /// <summary>
    /// Emphasis marks, brackets, backtick runs and the starts of web addresses on a line; the insides of `code spans`
    /// are not markup.
    /// </summary>
    private static int InlineMarkers(ReadOnlySpan<char> line)
    {
        var count = 0;
        var inCode = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '`')
            {
                // A run of backticks opens or closes a code span; the parser matches runs by length, per paragraph.
                count++;
                while (i + 1 < line.Length && line[i + 1] == '`')
                {
                    i++;
                }

                inCode = !inCode;
            }
            else if (inCode)
            {
                continue;
            }
            else if (c is '*' or '_' or '~' or '[' or ']')
            {
                count++;
            }
            else if (c is 'h' or 'w' or 'f' or 'm' or 't' && (i == 0 || !char.IsLetterOrDigit(line[i - 1])) && StartsWebAddress(line[i..]))
            {
                count++;
            }
        }

        return count;
    }

    private static bool StartsWebAddress(ReadOnlySpan<char> text)
    {
        foreach (var start in WebAddressStarts)
        {
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Counts
    {
        public int Nesting { get; set; }

        public int Headings { get; set; }

        public int Links { get; set; }

        public int TableRows { get; set; }

        public int Elements { get; set; }

        public MarkdownProblem? Exceeded() =>
            Nesting > MaxNesting ? MarkdownProblem.TooDeep
            : Headings > MaxHeadings ? HeadingsProblem
            : Links > MaxLinks ? new("The document has more than {0} links or images; split it into smaller documents.", MaxLinks)
            : TableRows > MaxTableRows ? TableRowsProblem
            : Elements > MaxElements ? new("The document has more than {0} paragraphs, list items, cells and other elements; split it into smaller documents.", MaxElements)
            : null;
    }
}
