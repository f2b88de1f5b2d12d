using System.Collections.Concurrent;
using System.Text;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Finished result pages of one searcher: the same request (words, filters, sort, page, language, and the reader's
/// roles and user id) answered from memory instead of searched, counted and highlighted again. Entries belong to the
/// searcher they were computed on: a search on any other searcher (after a write, a rebuild or a new term map) starts
/// an empty cache, so nothing computed before an index change is ever shown after it. The reader's identity is part
/// of the key: a result is only ever served to the same roles and user id it was filtered for. Entries also expire
/// after <see cref="Lifetime"/>, so that the freshness nudge of ranking, which depends on the time, stays current.
/// </summary>
internal sealed class ResultCache(TimeProvider time, int capacity)
{
    /// <summary>How long an entry is served (ranking favours recent documents relative to now).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private Generation _generation = new(new object(), null);

    private sealed record Entry(SearchResult Result, DateTimeOffset Expires);

    private sealed class Generation(object searcher, object? terms)
    {
        public object Searcher { get; } = searcher;

        public object? Terms { get; } = terms;

        public bool Serves(object searcher, object? terms) => ReferenceEquals(Searcher, searcher) && ReferenceEquals(Terms, terms);

        public ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Entries of the current searcher (diagnostics and tests).</summary>
    public int Count => Volatile.Read(ref _generation).Entries.Count;

    /// <summary>
    /// The cached result of <paramref name="request"/> on <paramref name="searcher"/> with the term map
    /// <paramref name="terms"/>, or <paramref name="compute"/>'s, which is kept.
    /// </summary>
    public SearchResult GetOrAdd(object searcher, object? terms, SearchRequest request, Func<SearchResult> compute)
    {
        if (capacity <= 0)
        {
            return compute();
        }

        var generation = For(searcher, terms);
        var key = Key(request);
        var now = time.GetUtcNow();
        if (generation.Entries.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            return hit.Result;
        }

        var result = compute();

        // Bounded: a flood of distinct searches only costs recomputing, never unbounded memory.
        if (generation.Entries.Count >= capacity)
        {
            generation.Entries.Clear();
        }

        generation.Entries[key] = new Entry(result, now + Lifetime);
        return result;
    }

    private Generation For(object searcher, object? terms)
    {
        var current = Volatile.Read(ref _generation);
        if (current.Serves(searcher, terms))
        {
            return current;
        }

        // A new searcher or term map: the old entries can never be served again. A search still running on an older
        // searcher keeps a generation of its own (orphaned at once), so it cannot write into the current one.
        var fresh = new Generation(searcher, terms);
        Interlocked.CompareExchange(ref _generation, fresh, current);
        var now = Volatile.Read(ref _generation);
        return now.Serves(searcher, terms) ? now : fresh;
    }

    /// <summary>Every field of the request that changes its result, each written with its length so no two requests share a key.</summary>
    internal static string Key(SearchRequest request)
    {
        var key = new StringBuilder(128);
        Add(key, request.Reader.IsUnrestricted ? "*" : "r");
        Add(key, request.Reader.UserId);
        AddAll(key, request.Reader.Roles);
        Add(key, request.Text);
        AddAll(key, request.Types);
        AddAll(key, request.Stages);
        AddAll(key, request.Tags);
        AddAll(key, request.Statuses);
        AddAll(key, request.Languages);
        AddAll(key, request.Authors);
        Add(key, request.Group);
        Add(key, request.PreferredLanguage);
        Add(key, request.Sort.ToString());
        Add(key, FormattableString.Invariant($"{request.Skip}/{request.Take}/{request.FacetLimit}/{request.IncludeFacets}/{request.Highlight}"));
        return key.ToString();
    }

    private static void AddAll(StringBuilder key, IReadOnlyCollection<string> values)
    {
        // Filters are sets (any of the values), so their order does not change the result.
        key.Append(values.Count).Append('[');
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            Add(key, value);
        }
    }

    private static void Add(StringBuilder key, string? value) =>
        _ = value is null ? key.Append("-;") : key.Append(value.Length).Append(':').Append(value).Append(';');
}
