using System.Collections.Concurrent;

namespace KnowledgeKaizen.Benchmarks.Load;

/// <summary>Every request of a phase (kind, when it was sent, latency, whether it answered as expected) and every acknowledged write.</summary>
internal sealed class LoadRecorder
{
    private readonly ConcurrentQueue<(string Kind, double Ms, bool Ok)> requests = new();
    private readonly ConcurrentQueue<(double SentMs, double Ms)> times = new();
    private readonly Stopwatch phase = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> errors = new();

    /// <summary>When the phase began, for lining its stalls up with the portal's own traces.</summary>
    public DateTime Began { get; } = DateTime.UtcNow;

    /// <summary>Feedback the portal acknowledged (201 with its id), with the text sent.</summary>
    public ConcurrentQueue<(long Id, string Text)> Feedback { get; } = new();

    /// <summary>Document saves the portal acknowledged (a redirect to the new revision), with the text sent.</summary>
    public ConcurrentQueue<(int DocumentId, string Body)> Saves { get; } = new();

    public IEnumerable<(string Kind, double Ms, bool Ok)> Requests => requests;

    /// <summary>
    /// Stretches of at least <paramref name="least"/> in which requests were waiting and none was answered: a stall
    /// every kind of request met at once, which the percentiles of each kind do not show. Start in seconds into the phase.
    /// </summary>
    public IReadOnlyList<(double StartSeconds, double Seconds, int Waiting)> Stalls(TimeSpan least)
    {
        var all = times.ToList();
        var answers = all.Select(t => t.SentMs + t.Ms).Order().ToList();
        var stalls = new List<(double, double, int)>();
        for (var i = 1; i < answers.Count; i++)
        {
            var gap = answers[i] - answers[i - 1];
            if (gap >= least.TotalMilliseconds)
            {
                var at = answers[i - 1];
                stalls.Add((at / 1000, gap / 1000, all.Count(t => t.SentMs <= at && t.SentMs + t.Ms > at)));
            }
        }

        return stalls;
    }

    public int ErrorCount => errors.Count;

    /// <summary>The first errors, for the report.</summary>
    public IEnumerable<string> FirstErrors => errors.Take(5);

    /// <summary>Times one request; <paramref name="send"/> returns whether it answered as expected (or throws).</summary>
    public async Task<T?> TimeAsync<T>(string kind, Func<Task<(bool Ok, T? Value, string? Problem)>> send)
    {
        var sent = phase.Elapsed.TotalMilliseconds;
        var clock = Stopwatch.StartNew();
        try
        {
            var (ok, value, problem) = await send();
            requests.Enqueue((kind, clock.Elapsed.TotalMilliseconds, ok));
            times.Enqueue((sent, clock.Elapsed.TotalMilliseconds));
            if (!ok)
            {
                errors.Enqueue($"{kind}: {problem}");
            }

            return ok ? value : default;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            requests.Enqueue((kind, clock.Elapsed.TotalMilliseconds, false));
            times.Enqueue((sent, clock.Elapsed.TotalMilliseconds));
            errors.Enqueue($"{kind}: {e.GetType().Name}: {e.Message}");
            return default;
        }
    }
}
