using System.Collections.Concurrent;

namespace KnowledgeKaizen.Benchmarks.Load;

/// <summary>Every request of a phase (kind, latency, whether it answered as expected) and every acknowledged write.</summary>
internal sealed class LoadRecorder
{
    private readonly ConcurrentQueue<(string Kind, double Ms, bool Ok)> requests = new();
    private readonly ConcurrentQueue<string> errors = new();

    /// <summary>Feedback the portal acknowledged (201 with its id), with the text sent.</summary>
    public ConcurrentQueue<(long Id, string Text)> Feedback { get; } = new();

    /// <summary>Document saves the portal acknowledged (a redirect to the new revision), with the text sent.</summary>
    public ConcurrentQueue<(int DocumentId, string Body)> Saves { get; } = new();

    public IEnumerable<(string Kind, double Ms, bool Ok)> Requests => requests;

    public int ErrorCount => errors.Count;

    /// <summary>The first errors, for the report.</summary>
    public IEnumerable<string> FirstErrors => errors.Take(5);

    /// <summary>Times one request; <paramref name="send"/> returns whether it answered as expected (or throws).</summary>
    public async Task<T?> TimeAsync<T>(string kind, Func<Task<(bool Ok, T? Value, string? Problem)>> send)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var (ok, value, problem) = await send();
            requests.Enqueue((kind, clock.Elapsed.TotalMilliseconds, ok));
            if (!ok)
            {
                errors.Enqueue($"{kind}: {problem}");
            }

            return ok ? value : default;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            requests.Enqueue((kind, clock.Elapsed.TotalMilliseconds, false));
            errors.Enqueue($"{kind}: {e.GetType().Name}: {e.Message}");
            return default;
        }
    }
}
