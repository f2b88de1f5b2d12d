using System.Globalization;
using System.Text;

namespace KnowledgeKaizen.Lexicon;

/// <summary>
/// Pinyin as Chinese users type it with their input method off: readings without tones, ü written v
/// (转化率 → zhuan hua lv). Words whose reading differs from their characters' usual ones (银行 yin hang) are read
/// as words. Text is folded first, so Traditional characters read like their Simplified ones.
/// </summary>
public static class Pinyin
{
    private static readonly Dictionary<char, string[]> CharReadings = LoadChars();
    private static readonly Dictionary<string, string[]> WordReadings = LoadWords();
    private static readonly int MaxWordLength = WordReadings.Keys.Max(w => w.Length);
    private static readonly HashSet<string> Syllables = [.. CharReadings.Values.SelectMany(r => r)];
    private static readonly int LongestSyllable = Syllables.Max(s => s.Length);

    /// <summary>Every reading of a character, the usual one first; empty for anything but a Chinese character.</summary>
    public static IReadOnlyList<string> Readings(char c) =>
        CharReadings.TryGetValue(TextFolding.Replacement(c) is [var s] ? s : c, out var readings) ? readings : [];

    /// <summary>
    /// The reading of each character of <paramref name="text"/> (null where it is not Chinese), words read as
    /// words: the longest word of the table starting at a character wins.
    /// </summary>
    public static string?[] Of(string text)
    {
        // Folding keeps one character for one in Chinese text; where it does not (ligatures), read the text as is.
        var folded = TextFolding.Fold(text);
        folded = folded.Length == text.Length ? folded : text;
        var result = new string?[text.Length];
        for (var i = 0; i < folded.Length;)
        {
            var word = Math.Min(MaxWordLength, folded.Length - i);
            for (; word >= 2; word--)
            {
                if (WordReadings.TryGetValue(folded.Substring(i, word), out var readings))
                {
                    readings.CopyTo(result, i);
                    break;
                }
            }

            if (word >= 2)
            {
                i += word;
                continue;
            }

            result[i] = CharReadings.TryGetValue(folded[i], out var own) ? own[0] : null;
            i++;
        }

        return result;
    }

    /// <summary>
    /// What a person typed as pinyin, as the letters to compare: lower case, tone marks and tone digits removed,
    /// ü (or u:) as v, spaces and apostrophes dropped (zhuǎn huà lǜ, zhuan3hua4lv4, Zhuan'hua → zhuanhualv…).
    /// Null when it holds anything else (Chinese characters, other symbols) or nothing.
    /// </summary>
    public static string? Typed(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var letters = new StringBuilder(input.Length);
        foreach (var c in TextFolding.Fold(input).ToLowerInvariant().Replace("u:", "v", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z')
            {
                letters.Append(c);
            }
            else if (c == '\u0308' && letters.Length > 0 && letters[^1] == 'u')
            {
                letters[^1] = 'v';
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is ' ' or '\'' or '’' or (>= '0' and <= '9'))
            {
                continue;
            }
            else
            {
                return null;
            }
        }

        return letters.Length == 0 ? null : letters.ToString();
    }

    /// <summary>
    /// The fewest pinyin syllables that spell lower-case <paramref name="letters"/> entirely (chixu → chi xu: 2), or 0
    /// when they cannot be spelt in syllables (price, objection).
    /// </summary>
    public static int SyllableCount(string letters)
    {
        // fewest[i]: fewest syllables that spell letters[..i]; 0 = not possible (fewest[0] is the empty start).
        var fewest = new int[letters.Length + 1];
        Array.Fill(fewest, int.MaxValue);
        fewest[0] = 0;
        for (var end = 1; end <= letters.Length; end++)
        {
            for (var length = 1; length <= Math.Min(LongestSyllable, end); length++)
            {
                if (fewest[end - length] != int.MaxValue && Syllables.Contains(letters.Substring(end - length, length)))
                {
                    fewest[end] = Math.Min(fewest[end], fewest[end - length] + 1);
                }
            }
        }

        return fewest[letters.Length] == int.MaxValue ? 0 : fewest[letters.Length];
    }

    private static Dictionary<char, string[]> LoadChars()
    {
        var readings = new Dictionary<char, string[]>();
        foreach (var (c, values) in TextResources.Lines("pinyin.txt"))
        {
            if (c.Length == 1)
            {
                readings[c[0]] = values;
            }
        }

        return readings;
    }

    private static Dictionary<string, string[]> LoadWords()
    {
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (word, values) in TextResources.Lines("pinyin-words.txt"))
        {
            if (values.Length == word.Length)
            {
                words[word] = values;
            }
        }

        return words;
    }
}
