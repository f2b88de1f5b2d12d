namespace KnowledgeKaizen.Search.Querying;

/// <summary>A matched stretch of stored text; <see cref="Key"/> names the query word or phrase it matched.</summary>
internal readonly record struct MatchSpan(int Start, int End, string Key);

/// <summary>
/// Finds where a query's words and phrases occur in one document from the offsets indexed in the postings,
/// so highlighting neither re-analyses the text (slow for Chinese) nor needs term vectors. Phrases count only
/// where their words stand at the phrase's relative positions, as in the search itself.
/// </summary>
internal static class PostingsMatches
{
    /// <summary>A word (one term) or phrase of the query in one field, with the terms' relative positions.</summary>
    internal sealed record Pattern(string Field, Term[] Terms, int[] Positions)
    {
        public string Key { get; } = string.Join(' ', Terms.Select(t => t.Text));
    }

    /// <summary>The words and phrases of a rewritten query that must or may match in <paramref name="fields"/>.</summary>
    public static IReadOnlyList<Pattern> Patterns(Query query, IReadOnlySet<string> fields)
    {
        var patterns = new List<Pattern>();
        Collect(query, fields, patterns);
        return patterns;
    }

    /// <summary>
    /// Every occurrence of the patterns in document <paramref name="doc"/> of <paramref name="segment"/>, by start;
    /// null when one of the fields is indexed without offsets (an index built by an older schema).
    /// </summary>
    public static List<MatchSpan>? Find(AtomicReader segment, int doc, IReadOnlyList<Pattern> patterns, Enumerators? reuse = null)
    {
        reuse ??= new Enumerators();
        var spans = new List<MatchSpan>();
        var occurrences = new Dictionary<Term, List<(int Position, int Start, int End)>>();
        foreach (var pattern in patterns)
        {
            var info = segment.FieldInfos.FieldInfo(pattern.Field);
            if (info is null)
            {
                continue;
            }

            if (info.IndexOptions < IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
            {
                return null;
            }

            var first = Occurrences(segment, doc, pattern.Terms[0], occurrences, reuse);
            foreach (var (position, start, end) in first)
            {
                var last = end;
                var whole = true;
                for (var i = 1; i < pattern.Terms.Length && whole; i++)
                {
                    var wanted = position + pattern.Positions[i] - pattern.Positions[0];
                    var at = Occurrences(segment, doc, pattern.Terms[i], occurrences, reuse).FindIndex(o => o.Position == wanted);
                    whole = at >= 0;
                    if (whole)
                    {
                        last = Math.Max(last, occurrences[pattern.Terms[i]][at].End);
                    }
                }

                if (whole && start >= 0 && last > start)
                {
                    spans.Add(new MatchSpan(start, last, pattern.Key));
                }
            }
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return spans;
    }

    private static List<(int Position, int Start, int End)> Occurrences(AtomicReader segment, int doc, Term term, Dictionary<Term, List<(int, int, int)>> known, Enumerators reuse)
    {
        if (known.TryGetValue(term, out var found))
        {
            return found;
        }

        var list = new List<(int, int, int)>();
        var terms = reuse.Terms(segment, term.Field);
        if (terms is not null && terms.SeekExact(term.Bytes))
        {
            var postings = reuse.Postings(segment, term.Field, terms);
            if (postings is not null && postings.Advance(doc) == doc)
            {
                for (var i = postings.Freq; i > 0; i--)
                {
                    var position = postings.NextPosition();
                    list.Add((position, postings.StartOffset, postings.EndOffset));
                }
            }
        }

        known[term] = list;
        return list;
    }

    /// <summary>
    /// Term and postings enumerators kept per segment and field for one search: creating them for every hit and
    /// term made highlighting allocate more than the search itself. Not thread-safe; one search at a time.
    /// </summary>
    internal sealed class Enumerators
    {
        private readonly Dictionary<(object Segment, string Field), (TermsEnum? Terms, DocsAndPositionsEnum? Postings)> _open = [];

        public TermsEnum? Terms(AtomicReader segment, string field)
        {
            var key = (segment.CoreCacheKey, field);
            if (!_open.TryGetValue(key, out var entry))
            {
                entry = (segment.GetTerms(field)?.GetEnumerator(), null);
                _open[key] = entry;
            }

            return entry.Terms;
        }

        public DocsAndPositionsEnum? Postings(AtomicReader segment, string field, TermsEnum positioned)
        {
            var key = (segment.CoreCacheKey, field);
            var postings = positioned.DocsAndPositions(null, _open[key].Postings, DocsAndPositionsFlags.OFFSETS);
            _open[key] = (_open[key].Terms, postings);
            return postings;
        }
    }

    private static void Collect(Query query, IReadOnlySet<string> fields, List<Pattern> into)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query, fields, into);
                }

                break;
            case TermQuery term when fields.Contains(term.Term.Field):
                into.Add(new Pattern(term.Term.Field, [term.Term], [0]));
                break;
            case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } words && fields.Contains(words[0].Field):
                into.Add(new Pattern(words[0].Field, words, phrase.GetPositions()));
                break;
        }
    }
}
