using System.Text;
using KnowledgeKaizen.Lexicon;

namespace KnowledgeKaizen.Search.Documents;

/// <summary>
/// How a title or tag is typed in pinyin: from each Chinese character (or Latin word) to the end, its full pinyin and
/// its initials (客户投诉处理 → kehutousuchuli, khtscl, tousuchuli, tscl…), so type-ahead finds a title by any of its
/// words typed either way. Latin words stay whole in both.
/// </summary>
internal static class PinyinKeys
{
    /// <summary>Keys are cut here: type-ahead never needs more of a title.</summary>
    public const int MaxLength = 40;

    /// <summary>Letters typed shorter than this suggest nothing by pinyin (one letter would match half the titles).</summary>
    public const int MinTyped = 2;

    /// <summary>The keys of a text that holds Chinese; none for text without.</summary>
    public static IReadOnlyList<string> Suffixes(string text)
    {
        var units = Units(text);
        if (!units.Any(u => u.Chinese))
        {
            return [];
        }

        var keys = new List<string>(units.Count * 2);
        for (var start = 0; start < units.Count; start++)
        {
            keys.Add(Join(units, start, full: true));
            if (units.Skip(start).Any(u => u.Chinese))
            {
                keys.Add(Join(units, start, full: false));
            }
        }

        return [.. keys.Where(k => k.Length >= MinTyped).Distinct()];
    }

    /// <summary>The full pinyin and the initials of the whole text (for a tag), or none when it holds no Chinese.</summary>
    public static IReadOnlyList<string> Whole(string text)
    {
        var units = Units(text);
        return units.Any(u => u.Chinese) ? [.. new[] { Join(units, 0, full: true), Join(units, 0, full: false) }.Distinct()] : [];
    }

    /// <summary>
    /// The stretch of <paramref name="text"/> whose pinyin is exactly <paramref name="letters"/>, starting and ending at
    /// a Chinese character (chixugaishan in 推动持续改善 → 持续改善); null when there is none.
    /// </summary>
    public static string? Spelt(string text, string letters)
    {
        var readings = Pinyin.Of(text);
        for (var start = 0; start < text.Length; start++)
        {
            var at = 0;
            for (var end = start; end < text.Length && readings[end] is { } reading && letters.AsSpan(at).StartsWith(reading); end++)
            {
                at += reading.Length;
                if (at == letters.Length)
                {
                    return text[start..(end + 1)];
                }
            }
        }

        return null;
    }

    private static List<(string Full, string Initial, bool Chinese)> Units(string text)
    {
        var readings = Pinyin.Of(text);
        var units = new List<(string, string, bool)>();
        var word = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i == text.Length ? ' ' : TextFolding.Replacement(text[i]) is [var folded] ? folded : text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                units.Add((word.ToString(), word.ToString(), false));
                word.Clear();
            }

            if (i < text.Length && readings[i] is { } reading)
            {
                units.Add((reading, reading[..1], true));
            }
        }

        return units;
    }

    private static string Join(List<(string Full, string Initial, bool Chinese)> units, int start, bool full)
    {
        var key = new StringBuilder(MaxLength);
        for (var i = start; i < units.Count && key.Length < MaxLength; i++)
        {
            key.Append(full ? units[i].Full : units[i].Initial);
        }

        return key.Length > MaxLength ? key.ToString(0, MaxLength) : key.ToString();
    }
}
