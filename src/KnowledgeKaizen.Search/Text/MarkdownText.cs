using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Search.Text;

/// <summary>
/// Turns Markdown (or HTML-ish text) into the plain text that is indexed and shown in snippets, so that
/// neither URLs nor syntax become search terms and snippet offsets point into readable text.
/// </summary>
internal static partial class MarkdownText
{
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // Each rule runs only when the characters it needs are present: most texts use few Markdown features,
        // and skipping a regex pass over the whole text is most of the indexing cost of this step.
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = Apply(text, text.AsSpan().ContainsAny('`', '~'), FenceLine(), "");
        text = Apply(text, text.Contains("<!--", StringComparison.Ordinal), HtmlComment(), " ");
        text = Apply(text, text.Contains("![", StringComparison.Ordinal), Image(), "$1");
        text = Apply(text, text.Contains("](", StringComparison.Ordinal), InlineLink(), "$1");
        text = Apply(text, text.Contains("][", StringComparison.Ordinal), ReferenceLink(), "$1");
        text = Apply(text, text.Contains("]:", StringComparison.Ordinal), LinkDefinition(), "");
        text = Apply(text, text.Contains('<'), AutoLink(), " ");
        text = Apply(text, text.Contains('<'), HtmlTag(), " ");
        text = Apply(text, text.Contains('{'), AttributeBlock(), " ");
        text = Apply(text, text.Contains('#'), HeadingMarker(), "");
        text = Apply(text, text.AsSpan().ContainsAny("=-*_"), SetextOrRule(), "");
        text = Apply(text, text.Contains("--", StringComparison.Ordinal), TableSeparator(), "");
        text = BlockMarker().Replace(text, "");
        text = Apply(text, text.Contains('['), TaskBox(), "");
        text = Apply(text, text.AsSpan().ContainsAny('*', '_', '~'), Emphasis(), "");
        text = text.Replace('|', ' ').Replace('`', ' ');
        text = WebUtility.HtmlDecode(text);
        return CollapseWhitespace(text);
    }

    private static string Apply(string text, bool needed, Regex rule, string replacement) =>
        needed ? rule.Replace(text, replacement) : text;

    private static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^[ \t]*(```|~~~).*$", RegexOptions.Multiline)]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$", RegexOptions.Multiline)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"<(?:https?|mailto|ftp):[^>\s]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    // Pandoc/Markdig attribute blocks: {#step-1}, {.note}, {: .class key=value}
    [GeneratedRegex(@"\{:?\s*[#.][^{}\n]*\}")]
    private static partial Regex AttributeBlock();

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"^[ \t]*([=\-*_])(?:[ \t]*\1){2,}[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SetextOrRule();

    [GeneratedRegex(@"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^[ \t]*(?:>[ \t]?)+|^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", RegexOptions.Multiline)]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@"^\[[ xX]\][ \t]+", RegexOptions.Multiline)]
    private static partial Regex TaskBox();

    // Emphasis markers only where they touch a word, so "a * b" or snake_case identifiers survive.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|_{1,3}|~~)(?![\p{L}\p{N}])")]
    private static partial Regex Emphasis();
}
