using KnowledgeKaizen.Search.Querying;

namespace KnowledgeKaizen.Search;

public sealed partial class LuceneSearchIndex
{
    private readonly FilterBuilder _filters = new();
    private readonly QueryBuilder _queries;
    private readonly Highlighting _highlighting;
    private readonly ResultCache _results;
    private volatile TermExpansion _terms = TermExpansion.None;

    public void UseTerms(Lexicon.TermMap terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = TermExpansion.Build(terms, _analyzers);
    }

    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Reader);
        var query = UserQuery.Parse(request.Text, _maxQueryLength);
        var notices = new List<SearchNotice>();
        if (query.Truncated)
        {
            notices.Add(new SearchNotice(SearchNoticeKind.QueryTruncated, $"Your search was longer than {_maxQueryLength} characters; only the beginning was used."));
        }

        var terms = _terms;
        return WithSearcher(searcher => _results.GetOrAdd(searcher, terms, request, () => SearchWith(searcher, terms, request, query, notices)));
    }

    private SearchResult SearchWith(IndexSearcher searcher, TermExpansion terms, SearchRequest request, UserQuery query, List<SearchNotice> notices)
    {
        var filter = _filters.Build(request);
        if (query.IsEmpty)
        {
            if (!string.IsNullOrWhiteSpace(request.Text))
            {
                return NothingSearchable(notices);
            }

            // No words: browse what the filters select, newest first.
            return Execute(searcher, new MatchAllDocsQuery(), filter, request with { Sort = SearchSort.Newest }, notices, didYouMean: null);
        }

        if (_queries.Build(query, requireAll: true) is not { } everyWord)
        {
            return NothingSearchable(notices);
        }

        var all = Execute(searcher, everyWord, filter, request, notices, didYouMean: null, throughTermMap: terms.Expand(query, _analyzers, _queries));
        if (all.TotalHits > 0)
        {
            // Every word was found: the words are right as typed, however rare one of them is.
            return all;
        }

        // Nothing holds every word. Pinyin typed with the input method off finds the Chinese it spells (chixu gaishan →
        // 持续改善) before any English word is considered; otherwise rare or unknown words are corrected.
        if (ChineseForPinyin(searcher, query, _filters.Visibility(request.Reader)) is { } chinese)
        {
            var fromPinyin = AllThenAnyWord(searcher, UserQuery.Parse(chinese, _maxQueryLength), filter, request,
                [.. notices, new SearchNotice(SearchNoticeKind.ShowingCorrected, $"No results for your search; showing results for \"{chinese}\".")], chinese);
            if (fromPinyin is { TotalHits: > 0 })
            {
                return fromPinyin;
            }
        }

        // Then, in that order: every corrected word, any word as typed, any corrected word.
        var corrections = Spelling.Corrections(searcher.IndexReader, _queries.LatinWords(query));
        var didYouMean = corrections.Count > 0 ? query.Replace(corrections) : null;
        var correctedQuery = didYouMean is null ? null : UserQuery.Parse(didYouMean, _maxQueryLength);
        List<SearchNotice> correctedNotices = [.. notices, new SearchNotice(SearchNoticeKind.ShowingCorrected, $"No results for your search; showing results for \"{didYouMean}\".")];
        if (correctedQuery is not null && _queries.Build(correctedQuery, requireAll: true) is { } everyCorrectedWord)
        {
            var corrected = Execute(searcher, everyCorrectedWord, filter, request, correctedNotices, didYouMean);
            if (corrected.TotalHits > 0)
            {
                return corrected;
            }
        }

        var relaxed = AllThenAnyWord(searcher, query, filter, request, notices, didYouMean, allFound: all);
        if (relaxed is { TotalHits: > 0 })
        {
            return relaxed;
        }

        if (correctedQuery is not null && AllThenAnyWord(searcher, correctedQuery, filter, request, correctedNotices, didYouMean) is { TotalHits: > 0 } anyCorrected)
        {
            return anyCorrected;
        }

        if (_queries.BuildFuzzy(query) is { } fuzzy)
        {
            var similar = Execute(searcher, fuzzy, filter, request, [.. notices, new SearchNotice(SearchNoticeKind.ShowingSimilar, "No exact matches; showing results with similar spellings.")], didYouMean, matchedUnstemmed: true);
            if (similar.TotalHits > 0)
            {
                return similar;
            }
        }

        return all with { DidYouMean = didYouMean };
    }

    /// <summary>
    /// When every word of the query is pinyin (chixu gaishan), the Chinese it spells in a visible title or tag, read
    /// as a whole (持续改善); null otherwise.
    /// </summary>
    private static string? ChineseForPinyin(IndexSearcher searcher, UserQuery query, Filter? visibility)
    {
        if (query.Parts.Count == 0 || query.Parts.Any(p => p.IsCjk) || Lexicon.Pinyin.Typed(query.Text) is not { Length: >= 4 } letters
            || query.Parts.Any(p => Lexicon.Pinyin.Typed(p.Text) is not { } word || Lexicon.Pinyin.SyllableCount(word) == 0))
        {
            return null;
        }

        var top = searcher.Search(new PrefixQuery(new Term(IndexFields.TitlePinyin, letters)), visibility, 20, MostHelpfulThenNewest);
        return top.ScoreDocs.Select(sd => PinyinKeys.Spelt(searcher.Doc(sd.Doc).Get(IndexFields.Title) ?? "", letters)).FirstOrDefault(c => c is not null);
    }

    /// <summary>
    /// Every word required; when that finds nothing and there are several words, any of them. <paramref name="allFound"/>
    /// is the every-word result when it was already run.
    /// </summary>
    private SearchResult? AllThenAnyWord(IndexSearcher searcher, UserQuery query, Filter? filter, SearchRequest request, List<SearchNotice> notices,
        string? didYouMean, SearchResult? allFound = null)
    {
        if (_queries.Build(query, requireAll: true) is not BooleanQuery all)
        {
            return null;
        }

        var result = allFound ?? Execute(searcher, all, filter, request, notices, didYouMean);
        if (result.TotalHits == 0 && all.Clauses.Count > 1 && _queries.Build(query, requireAll: false) is { } any)
        {
            var relaxed = Execute(searcher, any, filter, request, [.. notices, new SearchNotice(SearchNoticeKind.RelaxedToAnyWord, "No result contains all of your words; showing results with some of them.")], didYouMean);
            if (relaxed.TotalHits > 0)
            {
                return relaxed;
            }
        }

        return result;
    }

    private static SearchResult NothingSearchable(List<SearchNotice> notices)
    {
        notices.Add(new SearchNotice(SearchNoticeKind.NoSearchableWords, "Your search holds only very common words or symbols; add a more specific word."));
        return SearchResult.Empty([.. notices]);
    }
}
