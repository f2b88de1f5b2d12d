using System.Text;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>Renders text with matched stretches wrapped in &lt;mark&gt; (everything escaped), whole or as one passage.</summary>
internal static class MarkedText
{
    private const string Ellipsis = "…";

    /// <summary>The whole text with every match marked.</summary>
    public static string Whole(string text, IReadOnlyList<MatchSpan> spans) => Render(text, 0, text.Length, spans);

    /// <summary>
    /// The passage of about <paramref name="size"/> characters holding the most distinct matched words (then the
    /// most matches, then the earliest), begun at its sentence when that is near; null when nothing matched.
    /// </summary>
    public static string? BestPassage(string text, IReadOnlyList<MatchSpan> spans, int size)
    {
        // Offsets always point into the text they were indexed from; a span beyond it would be a stale index.
        spans = [.. spans.Where(s => s.End <= text.Length)];
        if (spans.Count == 0)
        {
            return null;
        }

        var (bestStart, bestDistinct, bestCount) = (0, -1, -1);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spans.Count; i++)
        {
            keys.Clear();
            var count = 0;
            for (var j = i; j < spans.Count && spans[j].End <= spans[i].Start + size; j++)
            {
                keys.Add(spans[j].Key);
                count++;
            }

            if (keys.Count > bestDistinct || (keys.Count == bestDistinct && count > bestCount))
            {
                (bestStart, bestDistinct, bestCount) = (spans[i].Start, keys.Count, count);
            }
        }

        var start = PassageStart(text, bestStart, size);
        var end = PassageEnd(text, Math.Min(text.Length, start + size));
        var inside = spans.Where(s => s.Start >= start && s.End <= end).ToList();
        return (start > 0 ? Ellipsis : "") + Render(text, start, end, inside) + (end < text.Length ? Ellipsis : "");
    }

    /// <summary>Back to the sentence start when it lies within a third of the passage, else to a word start shortly before.</summary>
    private static int PassageStart(string text, int anchor, int size)
    {
        for (var i = anchor - 1; i >= 0 && anchor - i <= size / 3; i--)
        {
            if (i == 0)
            {
                return 0;
            }

            if (EndsSentence(text[i - 1]))
            {
                return SkipSpaces(text, i);
            }
        }

        var from = Math.Max(0, anchor - 20);
        var space = text.IndexOf(' ', from, anchor - from);
        return space >= 0 ? SkipSpaces(text, space) : from;
    }

    /// <summary>Forward to the end of a Latin word cut in half (CJK text may be cut anywhere).</summary>
    private static int PassageEnd(string text, int end)
    {
        var limit = Math.Min(text.Length, end + 20);
        while (end < limit && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool EndsSentence(char c) => c is '.' or '!' or '?' or '。' or '！' or '？' or '\n';

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static string Render(string text, int start, int end, IReadOnlyList<MatchSpan> spans)
    {
        var sb = new StringBuilder(end - start + 32);
        var at = start;
        foreach (var span in spans)
        {
            // Spans are ordered by start; one that overlaps a marked stretch extends it rather than nesting.
            if (span.End <= at || span.Start < start || span.End > end)
            {
                continue;
            }

            var from = Math.Max(span.Start, at);
            Highlighting.Encode(sb, text.AsSpan(at, from - at));
            if (from > span.Start && sb.Length >= 7 && sb.ToString(sb.Length - 7, 7) == "</mark>")
            {
                sb.Length -= 7;
            }
            else
            {
                sb.Append("<mark>");
            }

            Highlighting.Encode(sb, text.AsSpan(from, span.End - from));
            sb.Append("</mark>");
            at = span.End;
        }

        Highlighting.Encode(sb, text.AsSpan(at, end - at));
        return sb.ToString();
    }
}
