using System.Collections.Concurrent;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// Idempotent GETs through nginx, one after another, while a test kills an instance: every answer that is not 200 (or a
/// request that gets no answer at all) is a failure. Bounded: at most <see cref="MaxRequests"/>, and it stops when told.
/// </summary>
public sealed class ProxyTraffic
{
    public const int MaxRequests = 2_000;

    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<string> failures = new();
    private readonly Task loop;
    private int sent;

    public ProxyTraffic(HttpClient client, string path)
    {
        loop = Task.Run(async () =>
        {
            for (var i = 0; i < MaxRequests && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}traffic={i}");
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"{i}: {(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue($"{i}: {e.Message}");
                }

                Interlocked.Increment(ref sent);
            }
        });
    }

    public int Sent => Volatile.Read(ref sent);

    public IReadOnlyCollection<string> Failures => failures;

    public Task SentAtLeastAsync(int count, string why) => Eventually.TrueAsync(why, () => Task.FromResult(Sent >= count));

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await loop;
    }
}
