using System.Text;

namespace KnowledgeKaizen.Lexicon;

/// <summary>
/// What search and clustering compare instead of the text as typed: compatibility forms unified (NFKC: full-width
/// ＣＲＭ and ２０２６ become CRM and 2026, ﬁ becomes fi) and Traditional characters replaced by their Simplified
/// ones (轉化率 → 转化率, Taiwan and Hong Kong variants included). Folding goes character by character, so an index
/// can map every folded position back to the text as written.
/// </summary>
public static class TextFolding
{
    private static readonly string?[] Table = Build();

    /// <summary>What <paramref name="c"/> folds to, or null when it stays as it is.</summary>
    public static string? Replacement(char c) => Table[c];

    /// <summary>The folded text; the same instance when nothing changes.</summary>
    public static string Fold(string text)
    {
        var first = 0;
        while (first < text.Length && Table[text[first]] is null)
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var folded = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (Table[text[i]] is { } replacement)
            {
                folded.Append(replacement);
            }
            else
            {
                folded.Append(text[i]);
            }
        }

        return folded.ToString();
    }

    /// <summary>Folded, lower-cased, white space collapsed: how two spellings of one term are found equal.</summary>
    public static string Key(string text) =>
        string.Join(' ', Fold(text).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// What near-identical texts share: their letters folded and lower-cased, numbers, spaces and punctuation dropped,
    /// hashed ("Order SO-1207 is 5 days late!" and "order SO-88 is 12 days late" give one fingerprint). Null for text
    /// without letters.
    /// </summary>
    public static string? Fingerprint(string? text)
    {
        var letters = new StringBuilder();
        foreach (var c in Fold(text ?? ""))
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.Length == 0 ? null
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(letters.ToString())).AsSpan(0, 12));
    }

    private static string?[] Build()
    {
        var simplified = new Dictionary<char, char>();
        foreach (var (traditional, values) in TextResources.Lines("t2s.txt"))
        {
            if (traditional.Length == 1 && values[0].Length == 1)
            {
                simplified[traditional[0]] = values[0][0];
            }
        }

        var table = new string?[char.MaxValue + 1];
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            var compatible = c.ToString().Normalize(NormalizationForm.FormKC);
            var chars = compatible.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (simplified.TryGetValue(chars[i], out var s))
                {
                    chars[i] = s;
                }
            }

            var folded = new string(chars);
            if (folded != c.ToString())
            {
                table[code] = folded;
            }
        }

        return table;
    }
}
