using KnowledgeKaizen.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Counts facet values of every matching document from doc values: ordinals are counted per segment in plain
/// arrays and turned into strings once per segment, so the cost per match is a few array increments.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private static readonly string[] SingleFields = [IndexFields.FacetType, IndexFields.FacetStatus, IndexFields.FacetLanguage, IndexFields.FacetAuthor];
    private static readonly string[] MultiFields = [IndexFields.FacetStage, IndexFields.FacetTag];

    private readonly Dictionary<string, Dictionary<string, int>> _totals =
        SingleFields.Concat(MultiFields).ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));

    private readonly SortedDocValues?[] _single = new SortedDocValues?[SingleFields.Length];
    private readonly SortedSetDocValues?[] _multi = new SortedSetDocValues?[MultiFields.Length];
    private readonly int[][] _singleCounts = new int[SingleFields.Length][];
    private readonly int[][] _multiCounts = new int[MultiFields.Length][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counts do not depend on scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < SingleFields.Length; i++)
        {
            _single[i] = context.AtomicReader.GetSortedDocValues(SingleFields[i]);
            _singleCounts[i] = new int[_single[i]?.ValueCount ?? 0];
        }

        for (var i = 0; i < MultiFields.Length; i++)
        {
            _multi[i] = context.AtomicReader.GetSortedSetDocValues(MultiFields[i]);
            _multiCounts[i] = new int[_multi[i]?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _single.Length; i++)
        {
            var ord = _single[i]?.GetOrd(doc) ?? -1;
            if (ord >= 0)
            {
                _singleCounts[i][ord]++;
            }
        }

        for (var i = 0; i < _multi.Length; i++)
        {
            var values = _multi[i];
            if (values is null)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _multiCounts[i][ord]++;
            }
        }
    }

    public SearchFacets ToFacets(int limit)
    {
        FlushSegment();
        IReadOnlyList<FacetValue> Top(string field) => _totals[field]
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(kv => new FacetValue(kv.Key, kv.Value))
            .ToList();

        return new SearchFacets(
            Top(IndexFields.FacetType),
            Top(IndexFields.FacetStage),
            Top(IndexFields.FacetTag),
            Top(IndexFields.FacetStatus),
            Top(IndexFields.FacetLanguage),
            Top(IndexFields.FacetAuthor));
    }

    private void FlushSegment()
    {
        var scratch = new BytesRef();
        for (var i = 0; i < _single.Length; i++)
        {
            var values = _single[i];
            var counts = _singleCounts[i];
            for (var ord = 0; values is not null && ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, scratch);
                    Add(SingleFields[i], scratch.Utf8ToString(), counts[ord]);
                }
            }

            _single[i] = null;
        }

        for (var i = 0; i < _multi.Length; i++)
        {
            var values = _multi[i];
            var counts = _multiCounts[i];
            for (var ord = 0; values is not null && ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, scratch);
                    Add(MultiFields[i], scratch.Utf8ToString(), counts[ord]);
                }
            }

            _multi[i] = null;
        }
    }

    private void Add(string field, string value, int count) =>
        _totals[field][value] = _totals[field].GetValueOrDefault(value) + count;
}
