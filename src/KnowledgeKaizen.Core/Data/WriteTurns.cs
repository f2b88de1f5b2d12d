namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// Turns at SQLite's single write lock within this process, first come first served: every save of the DbContext that
/// starts its own transaction and every transaction of bulk work (an import's apply batches, the dashboards' refresh)
/// waits here for its turn, without blocking a thread, and takes the lock only when it is its turn.
/// </summary>
/// <remarks>
/// Left to SQLite, a writer that finds the lock taken sleeps on its thread and polls; whoever polls at the right moment
/// wins, so under a steady stream of writes some waited seconds while others went at once, and the sleeping request
/// threads starved the thread pool until even requests that only read waited. In a queue each waits for the writers
/// ahead of it: during an import, for the apply batch in progress (about 50 ms) and the saves queued before it.
/// A save inside a transaction of its own context takes no turn: that transaction may already hold the lock.
/// Writers in other processes (a command-line import beside the portal) still meet through SQLite's busy wait.
/// PostgreSQL's writers do not exclude each other, so there no one takes a turn.
/// </remarks>
public sealed class WriteTurns
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for this writer's turn; the lock is the caller's until the returned handle is disposed.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken ct)
    {
        await turn.WaitAsync(ct);
        return new Handle(this);
    }

    /// <summary>Waits on this thread for the turn of a synchronous save.</summary>
    public IDisposable Take()
    {
        turn.Wait();
        return new Handle(this);
    }

    private sealed class Handle(WriteTurns owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.turn.Release();
            }
        }
    }
}
