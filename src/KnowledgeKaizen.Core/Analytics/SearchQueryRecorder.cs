using System.Collections.Concurrent;

namespace KnowledgeKaizen.Core.Analytics;

/// <summary>
/// Writes logged searches in shared transactions (group commit): a search waits for its own row — its id tracks the
/// clicks on its results — but searches arriving together are written by one insert and one commit instead of one
/// transaction each, which made the log the search page's bottleneck under load. A row is never dropped: a search
/// that gives up waiting (the reader left) is still written.
/// </summary>
public sealed class SearchQueryRecorder(IServiceScopeFactory scopes)
{
    /// <summary>Rows written per transaction at most.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentQueue<(SearchQueryLog Entry, TaskCompletionSource<long> Written)> _pending = new();
    private int _writing;

    /// <summary>Queues the row and completes with its id once it is committed.</summary>
    public Task<long> RecordAsync(SearchQueryLog entry, CancellationToken ct = default)
    {
        var written = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue((entry, written));
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        return written.Task.WaitAsync(ct);
    }

    // One writer at a time drains the queue in batches; whoever queues while nobody writes starts it.
    private async Task WriteAllAsync()
    {
        var batch = new List<(SearchQueryLog Entry, TaskCompletionSource<long> Written)>(MaxBatch);
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                if (_pending.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
                db.SearchQueries.AddRange(batch.Select(b => b.Entry));
                await db.SaveChangesAsync(CancellationToken.None);
                foreach (var (entry, written) in batch)
                {
                    written.TrySetResult(entry.Id);
                }
            }
            catch (Exception ex)
            {
                foreach (var (_, written) in batch)
                {
                    written.TrySetException(ex);
                }
            }
        }
    }
}
