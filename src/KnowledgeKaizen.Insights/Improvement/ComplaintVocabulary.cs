using KnowledgeKaizen.Lexicon;

namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// The words clustering compares: whole words of the text (Chinese segmented by a dictionary, English at spaces, light
/// plural folding), stop words dropped, every term of a term-map row read as that row's one concept — so 发票 and
/// "invoices" are the same word — and adjacent word pairs for phrases ("tax rate", "days late").
/// </summary>
internal sealed class ComplaintVocabulary
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "about", "after", "again", "all", "also", "although", "an", "and", "any", "anyone", "are", "as", "at", "be", "because", "been", "before",
        "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "he", "her", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "just", "me", "more", "much", "my", "no", "not", "of", "on", "one", "or", "our", "out", "please",
        "she", "so", "some", "still", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too",
        "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your",
        // Chinese
        "的", "了", "是", "在", "我", "我们", "你们", "他们", "也", "都", "就", "还", "和", "与", "又", "有", "没", "没有", "这", "那", "这个", "一个",
        "已经", "到", "给", "让", "被", "把", "对", "上", "里", "吗", "呢", "吧", "啊", "很", "才", "要", "会", "能", "得", "地", "着", "过",
    };

    private readonly IWordSegmenter _segmenter;
    private readonly List<(string[] Words, int Concept)> _terms = [];
    private readonly TermMap _map;

    public ComplaintVocabulary(IWordSegmenter segmenter, TermMap map)
    {
        _segmenter = segmenter;
        _map = map;
        for (var concept = 0; concept < map.Entries.Count; concept++)
        {
            foreach (var term in map.Entries[concept].All)
            {
                var words = Normalised(segmenter.Words(term));
                if (words.Length > 0)
                {
                    _terms.Add((words, concept));
                }
            }
        }

        // Longest first: "late delivery" is read before "delivery".
        _terms.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>The text as tokens: concepts (<see cref="ConceptToken"/>), words, and word pairs joined by a space.</summary>
    public IReadOnlyList<string> Tokens(string text)
    {
        var words = Normalised(_segmenter.Words(text));
        var units = new List<string?>(words.Length);
        for (var i = 0; i < words.Length;)
        {
            var match = _terms.FirstOrDefault(t => words.AsSpan(i).StartsWith(t.Words));
            if (match.Words is not null)
            {
                units.Add(ConceptToken(match.Concept));
                i += match.Words.Length;
            }
            else
            {
                units.Add(Meaningful(words[i]) ? words[i] : null);
                i++;
            }
        }

        var tokens = new List<string>(units.Count * 2);
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] is not { } unit)
            {
                continue;
            }

            tokens.Add(unit);
            if (i + 1 < units.Count && units[i + 1] is { } next)
            {
                tokens.Add(unit + " " + next);
            }
        }

        return tokens;
    }

    /// <summary>How a token reads for a person in <paramref name="chinese"/> or English: a concept by its preferred term.</summary>
    public string Display(string token, bool chinese)
    {
        var parts = token.Split(' ');
        var shown = parts.Select(p => IsConcept(p, out var concept)
            ? chinese ? _map.Entries[concept].Chinese[0] : _map.Entries[concept].English[0]
            : p).ToArray();
        return shown.All(s => s.Length > 0 && IsCjk(s[0])) ? string.Concat(shown) : string.Join(' ', shown);
    }

    /// <summary>Whether a token reads in both languages (it holds a concept) or only in the script of its words.</summary>
    public static bool HoldsConcept(string token) => token.Split(' ').Any(p => IsConcept(p, out _));

    /// <summary>Chinese of two or more characters, or Latin words of three or more letters, or a concept: what a label may show.</summary>
    public static bool Readable(string token) => token.Split(' ').All(p =>
        IsConcept(p, out _) || (p.Any(IsCjk) ? p.Length >= 2 : p.Length >= 3 && p.All(char.IsLetter)));

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static string ConceptToken(int concept) => "§" + concept.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsConcept(string part, out int concept)
    {
        concept = -1;
        return part.StartsWith('§') && int.TryParse(part.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out concept);
    }

    private static bool Meaningful(string word) =>
        !StopWords.Contains(word) && word.Any(char.IsLetter) && (word.Any(IsCjk) || word.Length >= 2);

    /// <summary>English plurals folded to the singular (invoices → invoice, deliveries → delivery); Chinese as it is.</summary>
    private static string[] Normalised(IReadOnlyList<string> words) => [.. words.Select(Singular)];

    private static string Singular(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) ? word[..^1] : word;
    }
}
