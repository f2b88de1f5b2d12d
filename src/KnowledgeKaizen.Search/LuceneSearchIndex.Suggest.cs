using KnowledgeKaizen.Search.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search;

public sealed partial class LuceneSearchIndex
{
    private const int MaxTagCandidates = 50;

    public IReadOnlyList<SearchSuggestion> Suggest(string prefix, int count, SearchReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        count = Math.Clamp(count, 1, 50);
        var typed = Querying.UserQuery.Parse(prefix, _maxQueryLength).Text;
        if (typed.Length == 0)
        {
            return [];
        }

        return WithSearcher(searcher =>
        {
            var visibility = _filters.Visibility(reader);
            var suggestions = new List<SearchSuggestion>(count);
            suggestions.AddRange(TagSuggestions(searcher, typed, visibility, count));
            suggestions.AddRange(TitleSuggestions(searcher, typed, prefix?.EndsWith(' ') == true, visibility, count - suggestions.Count));
            return suggestions;
        });
    }

    /// <summary>Tags starting with the typed text that at least one visible document carries.</summary>
    private static IEnumerable<SearchSuggestion> TagSuggestions(IndexSearcher searcher, string typed, Filter? visibility, int count)
    {
        var terms = MultiFields.GetTerms(searcher.IndexReader, IndexFields.TagLower);
        if (terms is null)
        {
            yield break;
        }

        var lower = Lexicon.TextFolding.Key(typed);
        var iterator = terms.GetEnumerator();
        if (iterator.SeekCeil(new BytesRef(lower)) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }

        var found = 0;
        for (var scanned = 0; scanned < MaxTagCandidates && found < count; scanned++)
        {
            var tag = iterator.Term.Utf8ToString();
            if (!tag.StartsWith(lower, StringComparison.Ordinal))
            {
                yield break;
            }

            var top = searcher.Search(new TermQuery(new Term(IndexFields.TagLower, tag)), visibility, 1);
            if (top.TotalHits > 0)
            {
                // Show the tag as its author wrote it.
                var original = searcher.Doc(top.ScoreDocs[0].Doc).GetValues(IndexFields.FacetTag)
                    .FirstOrDefault(t => Lexicon.TextFolding.Key(t) == tag) ?? tag;
                found++;
                yield return new SearchSuggestion(original, SearchSuggestionKind.Tag);
            }

            if (!iterator.MoveNext())
            {
                yield break;
            }
        }
    }

    /// <summary>Visible titles holding every typed word, the last one as a prefix unless followed by a space.</summary>
    private IEnumerable<SearchSuggestion> TitleSuggestions(IndexSearcher searcher, string typed, bool lastWordComplete, Filter? visibility, int count)
    {
        if (count <= 0)
        {
            yield break;
        }

        var words = Querying.QueryBuilder.Analyze(_analyzers.TitleWords, IndexFields.TitleWords, typed);
        if (words.Count == 0)
        {
            yield break;
        }

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var term = new Term(IndexFields.TitleWords, words[i].Term);
            var asPrefix = i == words.Count - 1 && !lastWordComplete && !Text.LanguageDetector.IsCjk(words[i].Term[0]);
            query.Add(asPrefix ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
        }

        var mostHelpfulThenNewest = new Sort(
            new SortField(IndexFields.Helpfulness, SortFieldType.INT64, reverse: true),
            new SortField(IndexFields.Updated, SortFieldType.INT64, reverse: true));
        var top = searcher.Search(query, visibility, count, mostHelpfulThenNewest);
        foreach (var sd in top.ScoreDocs)
        {
            var doc = searcher.Doc(sd.Doc);
            yield return new SearchSuggestion(doc.Get(IndexFields.Title), SearchSuggestionKind.Title, doc.Get(IndexFields.Type), doc.Get(IndexFields.Key), doc.Get(IndexFields.Url));
        }
    }
}
