namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Counts the facet values of every matching document, exactly, in the same pass that collects the top hits:
/// per segment a match costs a few increments in one int array (see <see cref="SegmentFacetOrdinals"/>); slots
/// become value strings once per segment, and only for values that were counted.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int>[] _totals =
        [.. SegmentFacetOrdinals.Fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];

    private SegmentFacetOrdinals? _segment;
    private int[] _counts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counts do not depend on scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = SegmentFacetOrdinals.For(context.AtomicReader);
        _counts = new int[_segment.SlotCount];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var slots = segment.Slots;
        var counts = _counts;
        for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
        {
            counts[slots[i]]++;
        }
    }

    public SearchFacets ToFacets(int limit)
    {
        FlushSegment();
        IReadOnlyList<FacetValue> Top(string field)
        {
            var totals = _totals[Array.FindIndex(SegmentFacetOrdinals.Fields, f => f.Field == field)];
            return totals
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(limit)
                .Select(kv => new FacetValue(kv.Key, kv.Value))
                .ToList();
        }

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
        if (_segment is not { } segment)
        {
            return;
        }

        for (var f = 0; f < _totals.Length; f++)
        {
            var totals = _totals[f];
            for (var slot = segment.FieldStarts[f]; slot < segment.FieldStarts[f + 1]; slot++)
            {
                if (_counts[slot] > 0)
                {
                    var label = segment.Labels[slot];
                    totals[label] = totals.GetValueOrDefault(label) + _counts[slot];
                }
            }
        }

        _segment = null;
    }
}
