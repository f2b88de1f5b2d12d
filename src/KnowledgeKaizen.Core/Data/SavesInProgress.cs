namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// The saves running in this process right now, so long work that writes in many short transactions (an import's
/// apply, the dashboards' refresh) lets them go first. SQLite has one writer at a time and a save that finds the
/// lock taken polls for it: work that took the lock back at once after each commit could keep a waiting save out
/// for many turns. Such work asks <see cref="WaitForNoneAsync"/> before each transaction.
/// </summary>
public sealed class SavesInProgress
{
    private readonly Lock gate = new();
    private int running;
    private TaskCompletionSource none = Completed();

    /// <summary>Saves in progress now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>Counts a save until the returned handle is disposed.</summary>
    public IDisposable Track()
    {
        lock (gate)
        {
            if (running++ == 0)
            {
                none = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Handle(this);
    }

    /// <summary>
    /// Waits until no save is in progress, or <paramref name="atMost"/> has passed (so a steady stream of saves cannot
    /// stop the long work altogether).
    /// </summary>
    public async Task WaitForNoneAsync(TimeSpan atMost, CancellationToken ct)
    {
        Task waiting;
        lock (gate)
        {
            waiting = none.Task;
        }

        if (!waiting.IsCompleted)
        {
            await Task.WhenAny(waiting, Task.Delay(atMost, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    private void Release()
    {
        lock (gate)
        {
            if (--running == 0)
            {
                none.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class Handle(SavesInProgress owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
