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

        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = FenceLine().Replace(text, "");
        text = HtmlComment().Replace(text, " ");
        text = Image().Replace(text, "$1");
        text = InlineLink().Replace(text, "$1");
        text = ReferenceLink().Replace(text, "$1");
        text = LinkDefinition().Replace(text, "");
        text = AutoLink().Replace(text, " ");
        text = HtmlTag().Replace(text, " ");
        text = AttributeBlock().Replace(text, " ");
        text = HeadingMarker().Replace(text, "");
        text = SetextOrRule().Replace(text, "");
        text = TableSeparator().Replace(text, "");
        text = BlockMarker().Replace(text, "");
        text = TaskBox().Replace(text, "");
        text = Emphasis().Replace(text, "");
        text = text.Replace('|', ' ').Replace('`', ' ');
        text = WebUtility.HtmlDecode(text);
        return CollapseWhitespace(text);
    }

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
