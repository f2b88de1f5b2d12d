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
    private readonly OrdinalCounter[] _counters =
    [
        new SingleValued(IndexFields.FacetType),
        new SingleValued(IndexFields.FacetStatus),
        new SingleValued(IndexFields.FacetLanguage),
        new SingleValued(IndexFields.FacetAuthor),
        new MultiValued(IndexFields.FacetStage),
        new MultiValued(IndexFields.FacetTag),
    ];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counts do not depend on scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var counter in _counters)
        {
            counter.NextSegment(context.AtomicReader);
        }
    }

    public void Collect(int doc)
    {
        foreach (var counter in _counters)
        {
            counter.Count(doc);
        }
    }

    public SearchFacets ToFacets(int limit)
    {
        IReadOnlyList<FacetValue> Top(string field) => _counters.Single(c => c.Field == field).Top(limit);
        return new SearchFacets(
            Top(IndexFields.FacetType),
            Top(IndexFields.FacetStage),
            Top(IndexFields.FacetTag),
            Top(IndexFields.FacetStatus),
            Top(IndexFields.FacetLanguage),
            Top(IndexFields.FacetAuthor));
    }

    private abstract class OrdinalCounter(string name)
    {
        private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
        private int[] _counts = [];

        public string Field { get; } = name;

        public void NextSegment(AtomicReader reader)
        {
            FlushSegment();
            _counts = new int[Open(reader)];
        }

        public abstract void Count(int doc);

        public IReadOnlyList<FacetValue> Top(int limit)
        {
            FlushSegment();
            return _totals
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(limit)
                .Select(kv => new FacetValue(kv.Key, kv.Value))
                .ToList();
        }

        /// <summary>Opens the segment's doc values; returns how many distinct values it holds (0 when none).</summary>
        protected abstract long Open(AtomicReader reader);

        protected abstract void LookupOrd(long ord, BytesRef into);

        protected abstract void Close();

        protected void Increment(long ord) => _counts[ord]++;

        private void FlushSegment()
        {
            var scratch = new BytesRef();
            for (var ord = 0; ord < _counts.Length; ord++)
            {
                if (_counts[ord] > 0)
                {
                    LookupOrd(ord, scratch);
                    var value = scratch.Utf8ToString();
                    _totals[value] = _totals.GetValueOrDefault(value) + _counts[ord];
                }
            }

            _counts = [];
            Close();
        }
    }

    private sealed class SingleValued(string name) : OrdinalCounter(name)
    {
        private SortedDocValues? _values;

        public override void Count(int doc)
        {
            var ord = _values?.GetOrd(doc) ?? -1;
            if (ord >= 0)
            {
                Increment(ord);
            }
        }

        protected override long Open(AtomicReader reader)
        {
            _values = reader.GetSortedDocValues(Field);
            return _values?.ValueCount ?? 0;
        }

        protected override void LookupOrd(long ord, BytesRef into) => _values!.LookupOrd((int)ord, into);

        protected override void Close() => _values = null;
    }

    private sealed class MultiValued(string name) : OrdinalCounter(name)
    {
        private SortedSetDocValues? _values;

        public override void Count(int doc)
        {
            if (_values is null)
            {
                return;
            }

            _values.SetDocument(doc);
            long ord;
            while ((ord = _values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                Increment(ord);
            }
        }

        protected override long Open(AtomicReader reader)
        {
            _values = reader.GetSortedSetDocValues(Field);
            return _values?.ValueCount ?? 0;
        }

        protected override void LookupOrd(long ord, BytesRef into) => _values!.LookupOrd(ord, into);

        protected override void Close() => _values = null;
    }
}
