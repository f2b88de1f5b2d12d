using Lucene.Net.Util.Automaton;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// "Did you mean", asked only when no document holds every word: for a rare or unknown word, the closest word (Damerau–Levenshtein ≤ 2) of the unstemmed
/// dictionary that occurs in more documents. Candidates come from intersecting a Levenshtein automaton with
/// the terms dictionary, so only near words are ever visited.
/// </summary>
internal static class Spelling
{
    /// <summary>Words occurring in at least this many documents are taken as correctly spelled.</summary>
    private const int KnownWordDocs = 3;

    public static IReadOnlyDictionary<string, string> Corrections(IndexReader reader, IEnumerable<string> words)
    {
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, IndexFields.Spell);
        if (terms is null)
        {
            return corrections;
        }

        foreach (var word in words.Where(w => w.Length >= 3 && w.All(char.IsLetter)))
        {
            var known = reader.DocFreq(new Term(IndexFields.Spell, word));
            if (known >= KnownWordDocs)
            {
                continue;
            }

            // A word that reads as pinyin of two or more syllables (chixu) is only corrected by one edit: two would turn
            // it into an unrelated English word (child).
            var maxEdits = word.Length <= 4 || Lexicon.Pinyin.SyllableCount(word) >= 2 ? 1 : 2;
            var automaton = new CompiledAutomaton(new LevenshteinAutomata(word, true).ToAutomaton(maxEdits));
            var candidates = automaton.GetTermsEnum(terms);
            string? best = null;
            var bestDistance = int.MaxValue;
            var bestFreq = known;
            while (candidates.MoveNext())
            {
                var candidate = candidates.Term.Utf8ToString();
                var freq = candidates.DocFreq;
                if (candidate == word || freq <= known)
                {
                    continue;
                }

                var distance = Distance(word, candidate);
                if (distance < bestDistance || (distance == bestDistance && freq > bestFreq))
                {
                    (best, bestDistance, bestFreq) = (candidate, distance, freq);
                }
            }

            if (best is not null)
            {
                corrections[word] = best;
            }
        }

        return corrections;
    }

    /// <summary>Optimal string alignment distance (adjacent transposition counts as one edit).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
