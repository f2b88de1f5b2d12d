using KnowledgeKaizen.Lexicon;
using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Text;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// The term map as the engine applies it: each term analysed like the text it will meet (English stems, Chinese
/// words of folded text), so "conversion rates" in a query finds the entry "conversion rate", and 轉化率 finds 转化率.
/// A query holding a term also searches the entry's other terms — its translations and synonyms — as phrases.
/// </summary>
internal sealed class TermExpansion
{
    private readonly Dictionary<string, List<Variant>> _byFirstTerm;

    private TermExpansion(Dictionary<string, List<Variant>> byFirstTerm, int entries)
    {
        _byFirstTerm = byFirstTerm;
        EntryCount = entries;
    }

    public static TermExpansion None { get; } = new([], 0);

    public int EntryCount { get; }

    /// <summary>One spelling of an entry's term: its analysed terms and the text to search it by.</summary>
    private sealed record Variant(int Entry, string[] Terms, bool Chinese, string Text, TermEntry Source);

    public static TermExpansion Build(TermMap map, SearchAnalyzers analyzers)
    {
        var byFirst = new Dictionary<string, List<Variant>>(StringComparer.Ordinal);
        for (var e = 0; e < map.Entries.Count; e++)
        {
            var entry = map.Entries[e];
            foreach (var term in entry.All)
            {
                var chinese = LanguageDetector.ContainsCjk(term);
                var terms = Analyze(analyzers, term, chinese);
                if (terms.Length == 0)
                {
                    continue;
                }

                if (!byFirst.TryGetValue(terms[0], out var list))
                {
                    byFirst[terms[0]] = list = [];
                }

                list.Add(new Variant(e, terms, chinese, term, entry));
            }
        }

        foreach (var list in byFirst.Values)
        {
            // Longest first: "conversion rate" wins over "conversion" where both are terms.
            list.Sort((a, b) => b.Terms.Length.CompareTo(a.Terms.Length));
        }

        return new TermExpansion(byFirst, map.Entries.Count);
    }

    /// <summary>
    /// The query searched through the term map: every entry whose term the query holds becomes a required choice of
    /// the entry's other terms; null when the query holds no term of the map.
    /// </summary>
    public Query? Expand(UserQuery query, SearchAnalyzers analyzers, QueryBuilder builder)
    {
        if (EntryCount == 0)
        {
            return null;
        }

        var found = new List<(int Entry, Variant Matched)>();
        foreach (var chinese in new[] { false, true })
        {
            var terms = query.Parts.Where(p => p.IsCjk == chinese).SelectMany(p => Analyze(analyzers, p.Text, chinese)).ToArray();
            for (var i = 0; i < terms.Length;)
            {
                var match = _byFirstTerm.TryGetValue(terms[i], out var candidates)
                    ? candidates.FirstOrDefault(v => v.Chinese == chinese && terms.AsSpan(i).StartsWith(v.Terms))
                    : null;
                if (match is null)
                {
                    i++;
                    continue;
                }

                if (found.All(f => f.Entry != match.Entry))
                {
                    found.Add((match.Entry, match));
                }

                i += match.Terms.Length;
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var (_, matched) in found)
        {
            var choice = new BooleanQuery(disableCoord: true);
            foreach (var other in matched.Source.All.Where(t => !string.Equals(TextFolding.Key(t), TextFolding.Key(matched.Text), StringComparison.Ordinal)))
            {
                foreach (var clause in builder.PhraseClauses(other))
                {
                    choice.Add(clause, Occur.SHOULD);
                }
            }

            if (choice.Clauses.Count == 0)
            {
                return null;
            }

            all.Add(choice, Occur.MUST);
        }

        return all;
    }

    private static string[] Analyze(SearchAnalyzers analyzers, string text, bool chinese) =>
        [.. QueryBuilder.Analyze(chinese ? analyzers.Chinese : analyzers.English, chinese ? IndexFields.BodyZh : IndexFields.BodyEn, text).Select(t => t.Term)];
}
