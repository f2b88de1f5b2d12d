using Lucene.Net.Util;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>A result of the top window: its document, sort key and, for a group, the group, its size and best member.</summary>
internal sealed class Candidate(int doc, double key, string? group, int count, int bestDoc)
{
    /// <summary>The document shown (for a group, its member in the preferred language when one matched).</summary>
    public int Doc { get; } = doc;

    /// <summary>Score (or update time when sorted by date); rescoring changes it.</summary>
    public double Key { get; set; } = key;

    public string? Group { get; } = group;

    /// <summary>Matching documents the result stands for.</summary>
    public int Count { get; } = count;

    public int BestDoc { get; } = bestDoc;

    /// <summary>Found by the words as typed, not only through the term map.</summary>
    public bool Direct { get; set; } = true;
}

/// <summary>
/// Collects the top window of results with documents of one group (language versions of a document, near-identical
/// records) folded into one result: the group ranks by its best member and is shown by its member in the preferred
/// language when one matched. Every match is still seen once; a group costs a dictionary entry, not a heap slot.
/// </summary>
internal sealed class GroupingCollector(int window, bool byScore, bool collapse, string? preferredLanguage) : ICollector
{
    private readonly PriorityQueue<int, (double Key, int Doc)> _singles = new(Comparer<(double Key, int Doc)>.Create(
        (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : b.Doc.CompareTo(a.Doc)));

    private readonly Dictionary<int, Head> _segmentGroups = [];
    private readonly Dictionary<string, Head> _groups = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private Scorer? _scorer;
    private int _docBase;
    private SortedDocValues? _groupValues;
    private SortedDocValues? _languages;
    private NumericDocValues? _updated;
    private int _preferredOrd = -1;
    private int _singleCount;

    private struct Head
    {
        public int Count;
        public double BestKey;
        public int BestDoc;
        public double PreferredKey;
        public int PreferredDoc;
    }

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Results after grouping: single documents plus groups.</summary>
    public int TotalHits => _singleCount + _groups.Count;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _groupValues = collapse ? reader.GetSortedDocValues(IndexFields.Group) : null;
        _updated = byScore ? null : reader.GetNumericDocValues(IndexFields.Updated);
        _languages = preferredLanguage is null || _groupValues is null ? null : reader.GetSortedDocValues(IndexFields.FacetLanguage);
        _preferredOrd = _languages?.LookupTerm(new BytesRef(preferredLanguage!)) ?? -1;
    }

    public void Collect(int doc)
    {
        var key = byScore ? _scorer!.GetScore() : _updated?.Get(doc) ?? 0;
        var global = _docBase + doc;
        var ord = _groupValues?.GetOrd(doc) ?? -1;
        if (ord < 0)
        {
            _singleCount++;
            if (_singles.Count < window)
            {
                _singles.Enqueue(global, (key, global));
            }
            else if (_singles.TryPeek(out _, out var worst) && (key > worst.Key || (key == worst.Key && global < worst.Doc)))
            {
                _singles.EnqueueDequeue(global, (key, global));
            }

            return;
        }

        var head = _segmentGroups.TryGetValue(ord, out var known) ? known : new Head { BestKey = double.MinValue, BestDoc = -1, PreferredKey = double.MinValue, PreferredDoc = -1 };
        head.Count++;
        if (key > head.BestKey)
        {
            (head.BestKey, head.BestDoc) = (key, global);
        }

        if (_preferredOrd >= 0 && key > head.PreferredKey && _languages!.GetOrd(doc) == _preferredOrd)
        {
            (head.PreferredKey, head.PreferredDoc) = (key, global);
        }

        _segmentGroups[ord] = head;
    }

    /// <summary>The best <c>window</c> results, best first (ties: lower document first).</summary>
    public List<Candidate> Top()
    {
        Flush();
        var all = new List<Candidate>(_singles.Count + _groups.Count);
        while (_singles.TryDequeue(out var doc, out var priority))
        {
            all.Add(new Candidate(doc, priority.Key, null, 1, doc));
        }

        foreach (var (group, head) in _groups)
        {
            all.Add(new Candidate(head.PreferredDoc >= 0 ? head.PreferredDoc : head.BestDoc, head.BestKey, group, head.Count, head.BestDoc));
        }

        all.Sort((a, b) => a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Doc.CompareTo(b.Doc));
        return all.Count > window ? all.GetRange(0, window) : all;
    }

    private void Flush()
    {
        if (_groupValues is null || _segmentGroups.Count == 0)
        {
            _segmentGroups.Clear();
            return;
        }

        foreach (var (ord, head) in _segmentGroups)
        {
            _groupValues.LookupOrd(ord, _scratch);
            var key = _scratch.Utf8ToString();
            if (!_groups.TryGetValue(key, out var merged))
            {
                _groups[key] = head;
                continue;
            }

            merged.Count += head.Count;
            if (head.BestKey > merged.BestKey)
            {
                (merged.BestKey, merged.BestDoc) = (head.BestKey, head.BestDoc);
            }

            if (head.PreferredKey > merged.PreferredKey)
            {
                (merged.PreferredKey, merged.PreferredDoc) = (head.PreferredKey, head.PreferredDoc);
            }

            _groups[key] = merged;
        }

        _segmentGroups.Clear();
    }
}
