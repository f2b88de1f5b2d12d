using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Web.Localization;

/// <summary>A stored sentence read back.</summary>
/// <param name="Format">The format it was composed from, which is also the localisation key.</param>
/// <param name="Arguments">Its arguments as they were written.</param>
/// <param name="Counts">Which arguments are counts (written <c>{n:N0}</c>), to be formatted for the reader.</param>
public sealed record StoredSentence(string Format, IReadOnlyList<string> Arguments, IReadOnlyList<bool> Counts);

/// <summary>
/// Reads sentences a back end stored in English (as composed from its catalogue of composite formats) back to their
/// format and arguments, so a page can show them in the reader's language with the same values.
/// </summary>
public sealed partial class SentenceFormats
{
    /// <summary>
    /// Each format with the pattern that reads its arguments back, the most literal text first so a longer format wins;
    /// its literal start and end are checked first, so a page of a thousand problems does not run every pattern on each.
    /// </summary>
    private readonly (string Format, string Start, string End, Regex Pattern, bool[] Counts)[] formats;

    public SentenceFormats(IEnumerable<string> all) => formats = [.. all
        .OrderByDescending(f => Placeholder().Replace(f, string.Empty).Length)
        .Select(f => (f, Unescape(f[..Placeholders(f).Select(p => p.Index).DefaultIfEmpty(f.Length).First()]),
            Unescape(f[Placeholders(f).Select(p => p.Index + p.Length).DefaultIfEmpty(0).Last()..]), PatternOf(f), CountsOf(f)))];

    private static IEnumerable<Match> Placeholders(string format) => Placeholder().Matches(format);

    /// <summary>The format <paramref name="stored"/> was composed from, with its arguments; null when none matches.</summary>
    public StoredSentence? Read(string stored)
    {
        foreach (var (format, start, end, pattern, counts) in formats)
        {
            if (!stored.StartsWith(start, StringComparison.Ordinal) || !stored.EndsWith(end, StringComparison.Ordinal))
            {
                continue;
            }

            var match = pattern.Match(stored);
            if (match.Success)
            {
                return new StoredSentence(format, [.. Enumerable.Range(0, counts.Length).Select(i => match.Groups["a" + i].Value)], counts);
            }
        }

        return null;
    }

    /// <summary>The number of placeholders a format has (its highest index + 1).</summary>
    public static int Arguments(string format) =>
        Placeholder().Matches(format).Select(p => int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    private static bool[] CountsOf(string format)
    {
        var counts = new bool[Arguments(format)];
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            counts[int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture)] |= placeholder.Groups[2].Value.StartsWith('N');
        }

        return counts;
    }

    private static Regex PatternOf(string format)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            pattern.Append(Literal(format[at..placeholder.Index])).Append("(?<a").Append(placeholder.Groups[1].Value).Append(">.+?)");
            at = placeholder.Index + placeholder.Length;
        }

        // Stored sentences quote the file's own values: matched in linear time, whatever a value holds.
        return new Regex(pattern.Append(Literal(format[at..])).Append('$').ToString(),
            RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    /// <summary>A format's literal text as composed: an escaped brace ("{{") is one brace in the sentence.</summary>
    private static string Literal(string text) => Regex.Escape(Unescape(text));

    private static string Unescape(string text) => text.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?::([^}]*))?\}")]
    private static partial Regex Placeholder();
}
