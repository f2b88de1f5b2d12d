using System.Text;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Lexicon;
using KnowledgeKaizen.Search.Text;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>A piece of the user's text: a plain word (Latin) or CJK run, or a "quoted phrase".</summary>
internal sealed record QueryPart(string Text, bool IsPhrase, bool IsCjk);

/// <summary>
/// The user's text split into words and phrases. Nothing in it is syntax except double quotes; a quote
/// without a partner is an ordinary character. Control characters are dropped and the text is cut to a limit.
/// </summary>
internal sealed partial record UserQuery(IReadOnlyList<QueryPart> Parts, string Text, bool Truncated)
{
    public bool IsEmpty => Parts.Count == 0;

    public static UserQuery Parse(string? raw, int maxLength)
    {
        // Folded like the index (ＣＲＭ → CRM, 轉化率 → 转化率, ＂ → "), so full-width quotes pair too.
        var clean = Clean(TextFolding.Fold(raw ?? ""));
        var truncated = clean.Length > maxLength;
        if (truncated)
        {
            var cut = maxLength;
            if (char.IsHighSurrogate(clean[cut - 1]))
            {
                cut--;
            }

            clean = clean[..cut];
        }

        clean = clean.Trim();
        var parts = new List<QueryPart>();
        var quotes = clean.Count(c => c == '"');
        var pos = 0;
        // Pair quotes from the left; an odd last quote is plain text.
        for (var pairs = quotes / 2; pairs > 0; pairs--)
        {
            var open = clean.IndexOf('"', pos);
            var close = clean.IndexOf('"', open + 1);
            AddWords(parts, clean[pos..open]);
            var phrase = clean[(open + 1)..close].Trim();
            if (phrase.Length > 0)
            {
                parts.Add(new QueryPart(phrase, IsPhrase: true, LanguageDetector.ContainsCjk(phrase)));
            }

            pos = close + 1;
        }

        AddWords(parts, clean[pos..].Replace('"', ' '));
        return new UserQuery(parts, clean, truncated);
    }

    /// <summary>The query text with misspelled words replaced (for "did you mean"); quotes are kept.</summary>
    public string Replace(IReadOnlyDictionary<string, string> corrections) =>
        Word().Replace(Text, m => corrections.TryGetValue(m.Value.ToLowerInvariant(), out var fix) ? fix : m.Value);

    private static string Clean(string raw)
    {
        var sb = new StringBuilder(Math.Min(raw.Length, 4096));
        foreach (var c in raw)
        {
            sb.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c);
        }

        return sb.ToString();
    }

    // Latin words split at white space; CJK runs split from adjacent Latin text ("CRM转化率" → "CRM", "转化率").
    private static void AddWords(List<QueryPart> parts, string text)
    {
        var sb = new StringBuilder();
        var cjk = false;
        foreach (var c in text + " ")
        {
            var isSpace = c == ' ';
            var isCjk = LanguageDetector.IsCjk(c);
            if (sb.Length > 0 && (isSpace || isCjk != cjk))
            {
                parts.Add(new QueryPart(sb.ToString(), IsPhrase: false, cjk));
                sb.Clear();
            }

            if (!isSpace)
            {
                sb.Append(c);
                cjk = isCjk;
            }
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
