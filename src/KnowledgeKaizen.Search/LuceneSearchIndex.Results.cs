using KnowledgeKaizen.Search.Querying;

namespace KnowledgeKaizen.Search;

public sealed partial class LuceneSearchIndex
{
    /// <summary>
    /// Weight of matches found only through the term map against matches of the words as typed; within the rescore
    /// window the latter always come first (see <see cref="RankingBoosts"/>).
    /// </summary>
    private const float TermMapBoost = 0.5f;

    private const int MaxVersions = 5;

    // A version link needs these; loading whole documents decompressed and decoded every body for nothing.
    private static readonly ISet<string> VersionFields = new HashSet<string>(StringComparer.Ordinal)
    {
        IndexFields.Type, IndexFields.Key, IndexFields.FacetLanguage, IndexFields.Title, IndexFields.Url,
    };

    /// <summary>
    /// Runs <paramref name="query"/> (or it together with <paramref name="throughTermMap"/>, its terms' other names)
    /// and builds one page: groups folded, the top window rescored, the page's hits highlighted.
    /// </summary>
    private SearchResult Execute(IndexSearcher searcher, Query query, Filter? filter, SearchRequest request, List<SearchNotice> notices,
        string? didYouMean, bool matchedUnstemmed = false, Query? throughTermMap = null)
    {
        var skip = Math.Max(0, request.Skip);
        var take = Math.Clamp(request.Take, 1, SearchRequest.MaxTake);
        var relevance = request.Sort == SearchSort.Relevance;
        var window = relevance ? Math.Max(RankingBoosts.RescoreWindow, skip + take) : skip + take;
        var searched = query;
        if (throughTermMap is not null)
        {
            throughTermMap.Boost = TermMapBoost;
            searched = new BooleanQuery(disableCoord: true) { { query, Occur.SHOULD }, { throughTermMap, Occur.SHOULD } };
        }

        var top = new GroupingCollector(window, relevance, collapse: request.Group is null, Documents.DocumentMapper.NormalizeLanguage(request.PreferredLanguage));
        var facets = request.IncludeFacets ? new FacetCollector() : null;
        searcher.Search(searched, filter, facets is null ? top : MultiCollector.Wrap(top, facets));
        var candidates = top.Top();
        if (throughTermMap is not null)
        {
            MarkDirect(searcher, query, candidates);
        }

        if (relevance)
        {
            Rescore(searcher.IndexReader, candidates);
        }

        var plan = request.Highlight ? new Highlighting.Plan(searcher.Rewrite(searched)) : null;
        var visibility = _filters.Visibility(request.Reader);
        var hits = candidates.Skip(skip).Take(take).Select(c => ToHit(searcher, c, plan, matchedUnstemmed, visibility)).ToList();
        return new SearchResult
        {
            Hits = hits,
            TotalHits = top.TotalHits,
            Facets = facets?.ToFacets(Math.Max(1, request.FacetLimit)) ?? SearchFacets.None,
            DidYouMean = didYouMean,
            Notices = notices,
        };
    }

    /// <summary>Which results the words as typed found (a group counts when its shown or its best member was).</summary>
    private static void MarkDirect(IndexSearcher searcher, Query query, List<Candidate> candidates)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var wanted = candidates.SelectMany(c => new[] { c.Doc, c.BestDoc }).Distinct().Order().ToList();
        var matched = new HashSet<int>();
        var leaf = -1;
        Scorer? scorer = null;
        foreach (var doc in wanted)
        {
            var index = ReaderUtil.SubIndex(doc, leaves);
            if (index != leaf)
            {
                leaf = index;
                scorer = weight.GetScorer(leaves[leaf], leaves[leaf].AtomicReader.LiveDocs);
            }

            var local = doc - leaves[leaf].DocBase;
            if (scorer is not null && (scorer.DocID >= local || scorer.Advance(local) != DocIdSetIterator.NO_MORE_DOCS) && scorer.DocID == local)
            {
                matched.Add(doc);
            }
        }

        foreach (var candidate in candidates)
        {
            candidate.Direct = matched.Contains(candidate.Doc) || matched.Contains(candidate.BestDoc);
        }
    }

    /// <summary>Freshness and helpfulness nudge the window's scores; results of the words as typed stay ahead of term-map ones.</summary>
    private void Rescore(IndexReader reader, List<Candidate> candidates)
    {
        var now = _time.GetUtcNow();
        var leaves = reader.Leaves;
        foreach (var candidate in candidates)
        {
            var leaf = leaves[ReaderUtil.SubIndex(candidate.Doc, leaves)];
            var local = candidate.Doc - leaf.DocBase;
            var updated = leaf.AtomicReader.GetNumericDocValues(IndexFields.Updated)?.Get(local) ?? 0;
            var helpful = leaf.AtomicReader.GetNumericDocValues(IndexFields.Helpfulness)?.Get(local) ?? 0;
            candidate.Key *= RankingBoosts.Factor(updated, helpful, now);
        }

        candidates.Sort((a, b) => a.Direct != b.Direct ? b.Direct.CompareTo(a.Direct) : a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Doc.CompareTo(b.Doc));
    }

    private SearchHit ToHit(IndexSearcher searcher, Candidate candidate, Highlighting.Plan? highlight, bool matchedUnstemmed, Filter? visibility)
    {
        var doc = searcher.Doc(candidate.Doc);
        var title = doc.Get(IndexFields.Title) ?? "";
        var body = doc.Get(IndexFields.Body) ?? "";
        var duplicates = candidate.Group?.StartsWith(IndexFields.DuplicateGroupPrefix, StringComparison.Ordinal) == true;
        return new SearchHit
        {
            Type = doc.Get(IndexFields.Type),
            Key = doc.Get(IndexFields.Key),
            Title = title,
            Url = doc.Get(IndexFields.Url),
            Summary = doc.Get(IndexFields.Summary),
            Status = doc.Get(IndexFields.FacetStatus) ?? "",
            Language = doc.Get(IndexFields.FacetLanguage) ?? "",
            Author = doc.Get(IndexFields.FacetAuthor),
            UpdatedAt = new DateTimeOffset(doc.GetField(IndexFields.Updated)?.GetInt64Value() ?? 0, TimeSpan.Zero),
            Tags = doc.GetValues(IndexFields.FacetTag),
            Stages = doc.GetValues(IndexFields.FacetStage),
            Score = double.IsNaN(candidate.Key) ? 0 : (float)candidate.Key,
            Group = doc.Get(IndexFields.Group),
            Similar = duplicates ? candidate.Count - 1 : 0,
            Versions = candidate.Group is { } group && !duplicates ? Versions(searcher, group, candidate.Doc, visibility) : [],
            ViaTermMap = !candidate.Direct,
            TitleHtml = highlight is null ? Highlighting.Encode(title) : _highlighting.Title(highlight, searcher.IndexReader, candidate.Doc, title),
            SnippetHtml = highlight is null ? "" : _highlighting.Snippet(highlight, searcher.IndexReader, candidate.Doc, body, matchedUnstemmed),
        };
    }

    /// <summary>The group's other members the reader may see, whether or not they matched: the language switch.</summary>
    private static IReadOnlyList<SearchHitVersion> Versions(IndexSearcher searcher, string group, int shown, Filter? visibility) =>
        [.. searcher.Search(new TermQuery(new Term(IndexFields.Group, group)), visibility, MaxVersions + 1).ScoreDocs
            .Where(sd => sd.Doc != shown)
            .Select(sd => searcher.Doc(sd.Doc, VersionFields))
            .Select(d => new SearchHitVersion(d.Get(IndexFields.Type), d.Get(IndexFields.Key), d.Get(IndexFields.FacetLanguage) ?? "", d.Get(IndexFields.Title) ?? "", d.Get(IndexFields.Url)))
            .OrderBy(v => v.Language, StringComparer.Ordinal)
            .Take(MaxVersions)];
}
