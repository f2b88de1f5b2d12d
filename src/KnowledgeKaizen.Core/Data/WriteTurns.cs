namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// Turns at SQLite's single write lock within this process, between saves (the DbContext's <c>SaveChanges</c>) and bulk
/// work that writes in many short transactions (an import's apply batches, the dashboards' refresh):
/// <list type="bullet">
/// <item>Before each of its transactions, bulk work waits until no save is in progress (<see cref="BeforeBatchAsync"/>,
/// bounded, so a steady stream of saves cannot stop it): a save that found the lock taken polls for it, and bulk work
/// that took the lock back at once after each commit could keep it out for many turns.</item>
/// <item>While a batch holds the lock (<see cref="Batch"/>), a save that is about to start waits for it without blocking
/// a thread (<see cref="SaveAsync"/>); SQLite's own wait for the lock sleeps on the thread, and many sleeping request
/// threads starve the thread pool, so even requests that only read would wait.</item>
/// </list>
/// Writers in other processes (a command-line import beside the portal) take turns through SQLite's busy wait alone.
/// </summary>
public sealed class WriteTurns
{
    private readonly Lock gate = new();
    private int saves;
    private int batches;
    private TaskCompletionSource noSaves = Completed();
    private TaskCompletionSource noBatch = Completed();

    /// <summary>Saves in progress (counted from the moment they ask for their turn).</summary>
    public int Saves
    {
        get
        {
            lock (gate)
            {
                return saves;
            }
        }
    }

    /// <summary>
    /// Counts a save until the returned handle is disposed, after waiting for a batch that holds the lock. A save inside a
    /// transaction of its own context must not wait (<paramref name="wait"/> false): that transaction may hold the lock.
    /// </summary>
    public async Task<IDisposable> SaveAsync(bool wait, CancellationToken ct)
    {
        Task batch;
        lock (gate)
        {
            if (saves++ == 0)
            {
                noSaves = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            batch = noBatch.Task;
        }

        var handle = new Handle(this, batch: false);
        if (wait && !batch.IsCompleted)
        {
            try
            {
                await batch.WaitAsync(ct);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        return handle;
    }

    /// <summary>Counts a save that cannot wait (a synchronous <c>SaveChanges</c>) until the handle is disposed.</summary>
    public IDisposable Save()
    {
        lock (gate)
        {
            if (saves++ == 0)
            {
                noSaves = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Handle(this, batch: false);
    }

    /// <summary>Waits until no save is in progress, or <paramref name="atMost"/> has passed; call before a batch's transaction.</summary>
    public async Task BeforeBatchAsync(TimeSpan atMost, CancellationToken ct)
    {
        Task waiting;
        lock (gate)
        {
            waiting = noSaves.Task;
        }

        if (!waiting.IsCompleted)
        {
            await Task.WhenAny(waiting, Task.Delay(atMost, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Marks a batch holding the write lock (call once its transaction has begun) until the handle is disposed.</summary>
    public IDisposable Batch()
    {
        lock (gate)
        {
            if (batches++ == 0)
            {
                noBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Handle(this, batch: true);
    }

    private void Release(bool batch)
    {
        lock (gate)
        {
            if (batch && --batches == 0)
            {
                noBatch.TrySetResult();
            }
            else if (!batch && --saves == 0)
            {
                noSaves.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class Handle(WriteTurns owner, bool batch) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Release(batch);
            }
        }
    }
}
