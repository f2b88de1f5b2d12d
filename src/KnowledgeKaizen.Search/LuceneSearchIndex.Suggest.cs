using KnowledgeKaizen.Lexicon;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search;

public sealed partial class LuceneSearchIndex
{
    private const int MaxTagCandidates = 50;

    private static readonly Sort MostHelpfulThenNewest = new(
        new SortField(IndexFields.Helpfulness, SortFieldType.INT64, reverse: true),
        new SortField(IndexFields.Updated, SortFieldType.INT64, reverse: true));

    /// <summary>
    /// Tags and titles starting with the typed words, then — when the typed text is letters — tags and titles whose
    /// pinyin (full or initials) starts with them: zhuanhualv and zhl both suggest 转化率.
    /// </summary>
    public IReadOnlyList<SearchSuggestion> Suggest(string prefix, int count, SearchReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        count = Math.Clamp(count, 1, 50);
        var typed = Querying.UserQuery.Parse(prefix, _maxQueryLength).Text;
        if (typed.Length == 0)
        {
            return [];
        }

        var letters = Pinyin.Typed(typed) is { Length: >= PinyinKeys.MinTyped } l ? l : null;
        return WithSearcher(searcher =>
        {
            var visibility = _filters.Visibility(reader);
            var suggestions = new List<SearchSuggestion>(count);
            void Add(IEnumerable<SearchSuggestion> found)
            {
                foreach (var suggestion in found)
                {
                    if (suggestions.Count < count && !suggestions.Any(s => s.Kind == suggestion.Kind && s.Text == suggestion.Text && s.Key == suggestion.Key))
                    {
                        suggestions.Add(suggestion);
                    }
                }
            }

            Add(TagSuggestions(searcher, IndexFields.TagLower, TextFolding.Key(typed), key => key, visibility, count));
            Add(TitleSuggestions(searcher, TitleWordsQuery(typed, prefix?.EndsWith(' ') == true), visibility, count));
            if (letters is not null)
            {
                Add(TagSuggestions(searcher, IndexFields.TagPinyin, letters, term => term[(term.IndexOf(IndexFields.TagPinyinSeparator) + 1)..], visibility, count));
                Add(TitleSuggestions(searcher, new PrefixQuery(new Term(IndexFields.TitlePinyin, letters)), visibility, count));
            }

            return suggestions;
        });
    }

    /// <summary>
    /// Tags whose term in <paramref name="field"/> starts with <paramref name="start"/> and that at least one visible
    /// document carries; <paramref name="tagKey"/> turns the term into the tag's folded key.
    /// </summary>
    private static IEnumerable<SearchSuggestion> TagSuggestions(IndexSearcher searcher, string field, string start, Func<string, string> tagKey,
        Filter? visibility, int count)
    {
        var terms = MultiFields.GetTerms(searcher.IndexReader, field);
        if (terms is null)
        {
            yield break;
        }

        var iterator = terms.GetEnumerator();
        if (iterator.SeekCeil(new BytesRef(start)) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }

        var found = 0;
        for (var scanned = 0; scanned < MaxTagCandidates && found < count; scanned++)
        {
            var term = iterator.Term.Utf8ToString();
            if (!term.StartsWith(start, StringComparison.Ordinal))
            {
                yield break;
            }

            var tag = tagKey(term);
            var top = searcher.Search(new TermQuery(new Term(IndexFields.TagLower, tag)), visibility, 1);
            if (top.TotalHits > 0)
            {
                // Show the tag as its author wrote it.
                var original = searcher.Doc(top.ScoreDocs[0].Doc).GetValues(IndexFields.FacetTag)
                    .FirstOrDefault(t => TextFolding.Key(t) == tag) ?? tag;
                found++;
                yield return new SearchSuggestion(original, SearchSuggestionKind.Tag);
            }

            if (!iterator.MoveNext())
            {
                yield break;
            }
        }
    }

    /// <summary>Titles holding every typed word, the last one as a prefix unless followed by a space; null when no word.</summary>
    private Query? TitleWordsQuery(string typed, bool lastWordComplete)
    {
        var words = Querying.QueryBuilder.Analyze(_analyzers.TitleWords, IndexFields.TitleWords, typed);
        if (words.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var term = new Term(IndexFields.TitleWords, words[i].Term);
            var asPrefix = i == words.Count - 1 && !lastWordComplete && !Text.LanguageDetector.IsCjk(words[i].Term[0]);
            query.Add(asPrefix ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
        }

        return query;
    }

    /// <summary>Visible titles matching <paramref name="query"/>, most helpful and then newest first.</summary>
    private static IEnumerable<SearchSuggestion> TitleSuggestions(IndexSearcher searcher, Query? query, Filter? visibility, int count)
    {
        if (query is null || count <= 0)
        {
            yield break;
        }

        foreach (var sd in searcher.Search(query, visibility, count, MostHelpfulThenNewest).ScoreDocs)
        {
            var doc = searcher.Doc(sd.Doc);
            yield return new SearchSuggestion(doc.Get(IndexFields.Title), SearchSuggestionKind.Title, doc.Get(IndexFields.Type), doc.Get(IndexFields.Key), doc.Get(IndexFields.Url));
        }
    }
}
