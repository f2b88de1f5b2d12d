using System.Collections.Concurrent;

namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// This portal instance's memory of computed dashboard results, keyed by what was asked (result, filter, viewer)
/// and valid for one data version, which every write to a table the metrics read changes in the writer's own
/// transaction. A request reads the version before any data, so a result stored under a version was computed from
/// that version's data or newer, and a request that sees a newer version never finds it: nothing stale is shown, and
/// several instances on one database stay correct with no messages between them. Concurrent requests for the same
/// missing result share one computation.
/// </summary>
/// <remarks>
/// Two versions, two lanes (<see cref="MetricDataLane"/>): feedback arrives all day from the frontline, one item at a
/// time, and only the feedback page reads it, so a feedback post changes <c>MetricFactsState.FeedbackVersion</c> and
/// leaves the sales and service results (keyed by <c>Version</c>, every other table) in place.
/// </remarks>
public sealed class MetricResultCache
{
    /// <summary>More distinct questions than this within one version are answered without storing them.</summary>
    public const int Capacity = 1_024;

    private readonly Generation[] lanes = [new(long.MinValue), new(long.MinValue)];

    /// <summary>Whether the version table exists in this database (known after the first request).</summary>
    internal bool? VersionTableExists { get; set; }

    /// <summary>Results held for the current version.</summary>
    public int Count => lanes.Sum(l => l.Results.Count);

    /// <summary>The result for <paramref name="key"/> at <paramref name="version"/>, computed by <paramref name="compute"/> when missing.</summary>
    public Task<T> GetOrAddAsync<T>(long version, MetricResultKey key, Func<Task<T>> compute, CancellationToken ct) =>
        GetOrAddAsync(MetricDataLane.Crm, version, key, compute, ct);

    /// <summary>As <see cref="GetOrAddAsync{T}(long, MetricResultKey, Func{Task{T}}, CancellationToken)"/>, in the lane whose version <paramref name="version"/> is.</summary>
    public async Task<T> GetOrAddAsync<T>(MetricDataLane lane, long version, MetricResultKey key, Func<Task<T>> compute, CancellationToken ct)
    {
        var index = (int)lane;
        var generation = Volatile.Read(ref lanes[index]);
        if (generation.Version != version)
        {
            // A new version: results of every earlier one are dropped at once. A request that still read the
            // previous version (its write committed meanwhile) swaps back; the next request swaps forward again.
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref lanes[index], fresh, generation) == generation ? fresh : Volatile.Read(ref lanes[index]);
            if (generation.Version != version)
            {
                return await compute();
            }
        }

        var computing = false;
        if (!generation.Results.TryGetValue(key, out var shared))
        {
            if (generation.Results.Count >= Capacity)
            {
                return await compute();
            }

            var mine = new Lazy<Task<object?>>(async () => await compute());
            shared = generation.Results.GetOrAdd(key, mine);
            computing = ReferenceEquals(shared, mine);
        }

        try
        {
            return (T)(await shared.Value)!;
        }
        catch (Exception)
        {
            // A failed computation is never kept; a request that only waited for another's (which was cancelled or
            // failed) computes its own.
            generation.Results.TryRemove(new KeyValuePair<MetricResultKey, Lazy<Task<object?>>>(key, shared));
            if (computing || ct.IsCancellationRequested)
            {
                throw;
            }

            return await compute();
        }
    }

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<MetricResultKey, Lazy<Task<object?>>> Results { get; } = new();
    }
}

/// <summary>What a cached result answers: which result, for which filter and viewer, and a subject id (the rep of a rep page).</summary>
public readonly record struct MetricResultKey(string Result, MetricFilter? Filter, MetricViewer? Viewer = null, long Subject = 0)
{
    /// <summary>The viewer's <see cref="MetricViewer.Audience"/>: viewers who see the same results share them.</summary>
    public MetricViewer? Viewer { get; init; } = Viewer?.Audience;
}

/// <summary>Which data version a cached result follows.</summary>
public enum MetricDataLane
{
    /// <summary>Every table the metrics read but feedback: <c>MetricFactsState.Version</c>.</summary>
    Crm,

    /// <summary>Results that read feedback: both versions.</summary>
    Feedback,
}
