using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Builds Lucene queries from a <see cref="UserQuery"/> by running the same analyzers as indexing, so user text
/// can only ever become terms and phrases, never field syntax, wildcards or ranges.
/// </summary>
internal sealed class QueryBuilder(SearchAnalyzers analyzers)
{
    private static readonly (string English, string Chinese, float Boost)[] TextFields =
    [
        (IndexFields.TitleEn, IndexFields.TitleZh, RankingBoosts.Title),
        (IndexFields.TagsEn, IndexFields.TagsZh, RankingBoosts.Tags),
        (IndexFields.SummaryEn, IndexFields.SummaryZh, RankingBoosts.Summary),
        (IndexFields.BodyEn, IndexFields.BodyZh, RankingBoosts.Body),
    ];

    private static readonly (string Field, float Boost)[] PairFields =
    [
        (IndexFields.TitlePairs, RankingBoosts.Title),
        (IndexFields.TagsPairs, RankingBoosts.Tags),
        (IndexFields.SummaryPairs, RankingBoosts.Summary),
        (IndexFields.BodyPairs, RankingBoosts.Body),
    ];

    /// <summary>Every word and phrase required (<paramref name="requireAll"/>) or any of them; null when nothing is searchable.</summary>
    public BooleanQuery? Build(UserQuery query, bool requireAll)
    {
        var root = new BooleanQuery();
        foreach (var part in query.Parts)
        {
            foreach (var clause in ClausesFor(part))
            {
                root.Add(clause, requireAll ? Occur.MUST : Occur.SHOULD);
            }
        }

        return root.Clauses.Count == 0 ? null : root;
    }

    /// <summary>
    /// Similar spellings of the Latin words (edit distance 1–2, first letter kept): matched on the unstemmed
    /// words, and on title and body stems so that highlighting finds them too. Null when there are none.
    /// </summary>
    public BooleanQuery? BuildFuzzy(UserQuery query)
    {
        var root = new BooleanQuery();
        foreach (var part in query.Parts.Where(p => !p.IsCjk))
        {
            foreach (var (word, _) in Analyze(analyzers.Words, IndexFields.Spell, part.Text))
            {
                root.Add(new FuzzyQuery(new Term(IndexFields.Spell, word), word.Length > 5 ? 2 : 1, 1), Occur.SHOULD);
            }

            foreach (var (stem, _) in Analyze(analyzers.English, IndexFields.BodyEn, part.Text))
            {
                var edits = stem.Length > 5 ? 2 : 1;
                root.Add(new FuzzyQuery(new Term(IndexFields.TitleEn, stem), edits, 1) { Boost = RankingBoosts.Title }, Occur.SHOULD);
                root.Add(new FuzzyQuery(new Term(IndexFields.BodyEn, stem), edits, 1), Occur.SHOULD);
            }
        }

        return root.Clauses.Count == 0 ? null : root;
    }

    /// <summary>Lower-cased Latin words as typed, for the spelling dictionary.</summary>
    public IReadOnlyList<string> LatinWords(UserQuery query) =>
        query.Parts.Where(p => !p.IsCjk)
            .SelectMany(p => Analyze(analyzers.Words, IndexFields.Spell, p.Text).Select(t => t.Term))
            .Distinct()
            .ToList();

    /// <summary>
    /// A term of the term map searched as a phrase in every text field of its language: English on the stems, Chinese on
    /// the character pairs, which match however the sentence around the term was segmented.
    /// </summary>
    public IEnumerable<Query> PhraseClauses(string term)
    {
        if (!LanguageDetector.ContainsCjk(term))
        {
            return ClausesFor(new QueryPart(term, IsPhrase: true, IsCjk: false));
        }

        var phrase = new BooleanQuery(disableCoord: true);
        var pairs = Analyze(analyzers.ChinesePairs, IndexFields.BodyPairs, term);
        foreach (var (field, boost) in PairFields)
        {
            AddPhrase(phrase, field, pairs, boost);
        }

        return phrase.Clauses.Count == 0 ? [] : [phrase];
    }

    private IEnumerable<Query> ClausesFor(QueryPart part)
    {
        if (!part.IsPhrase)
        {
            // A CJK run becomes its segmented words (each required); a Latin word its stem(s), which SmartCn also
            // produces for Latin words inside Chinese text, so one term serves both fields.
            var english = !part.IsCjk;
            var analyzer = english ? analyzers.English : analyzers.Chinese;
            foreach (var (term, _) in Analyze(analyzer, english ? IndexFields.BodyEn : IndexFields.BodyZh, part.Text))
            {
                var unit = new BooleanQuery(disableCoord: true);
                foreach (var (en, zh, boost) in TextFields)
                {
                    if (english)
                    {
                        unit.Add(new TermQuery(new Term(en, term)) { Boost = boost }, Occur.SHOULD);
                    }

                    unit.Add(new TermQuery(new Term(zh, term)) { Boost = boost }, Occur.SHOULD);
                }

                yield return unit;
            }

            yield break;
        }

        var phrase = new BooleanQuery(disableCoord: true);
        var chineseTerms = Analyze(analyzers.Chinese, IndexFields.BodyZh, part.Text);
        var englishTerms = part.IsCjk ? [] : Analyze(analyzers.English, IndexFields.BodyEn, part.Text);
        foreach (var (en, zh, boost) in TextFields)
        {
            AddPhrase(phrase, en, englishTerms, boost);
            AddPhrase(phrase, zh, part.IsCjk ? chineseTerms : englishTerms, boost);
        }

        if (phrase.Clauses.Count > 0)
        {
            yield return phrase;
        }
    }

    private static void AddPhrase(BooleanQuery into, string field, IReadOnlyList<(string Term, int Position)> terms, float boost)
    {
        if (terms.Count == 0)
        {
            return;
        }

        if (terms.Count == 1)
        {
            into.Add(new TermQuery(new Term(field, terms[0].Term)) { Boost = boost }, Occur.SHOULD);
            return;
        }

        var query = new PhraseQuery { Boost = boost };
        foreach (var (term, position) in terms)
        {
            query.Add(new Term(field, term), position);
        }

        into.Add(query, Occur.SHOULD);
    }

    /// <summary>Terms with their positions (gaps where stop words were removed).</summary>
    internal static IReadOnlyList<(string Term, int Position)> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (term.Length > 0)
            {
                terms.Add((term.ToString(), Math.Max(0, position)));
            }
        }

        stream.End();
        return terms;
    }
}
