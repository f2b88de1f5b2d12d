using System.Diagnostics.Metrics;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// Turns at SQLite's single write lock within this process: every save of the DbContext that starts its own transaction
/// and every transaction of bulk work (an import's apply batches, the dashboards' refresh) waits here for its turn,
/// without blocking a thread, and takes the lock only when it is its turn. Interactive writes (a request's save) go first
/// come first served; bulk work takes the turns they leave free, and one at the latest when it has waited
/// <see cref="BulkPatience"/>.
/// </summary>
/// <remarks>
/// Left to SQLite, a writer that finds the lock taken sleeps on its thread and polls; whoever polls at the right moment
/// wins, so under a steady stream of writes some waited seconds while others went at once, and the sleeping request
/// threads starved the thread pool until even requests that only read waited. In one queue for all, a feedback post
/// during an import waited for the import's batch and for every writer queued before it, a whole round of the queue,
/// though it held the lock for a few milliseconds itself. Bulk work yields instead: an import runs at the pace
/// interactive writes leave it, and never stops.
/// A save inside a transaction of its own context takes no turn: that transaction may already hold the lock.
/// Writers in other processes (a command-line import beside the portal) still meet through SQLite's busy wait.
/// PostgreSQL's writers do not exclude each other, so there no one takes a turn.
/// </remarks>
public sealed class WriteTurns
{
    /// <summary>The meter of the write turns (for <c>dotnet-counters</c> or an OpenTelemetry exporter): how long writers waited and held.</summary>
    public const string MeterName = "KnowledgeKaizen.WriteTurns";

    /// <summary>How long bulk work waits for a turn no one else wants before it goes next anyway.</summary>
    public static readonly TimeSpan BulkPatience = TimeSpan.FromMilliseconds(200);

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Waited = Meter.CreateHistogram<double>("kk.write_turn.wait", "ms", "How long a writer waited for its turn.");
    private static readonly Histogram<double> Held = Meter.CreateHistogram<double>("kk.write_turn.held", "ms", "How long a writer held the write lock.");

    private readonly Lock gate = new();
    private readonly Queue<Waiter> interactive = new();
    private readonly Queue<Waiter> bulk = new();
    private readonly TimeProvider clock;
    private bool taken;

    public WriteTurns(TimeProvider? clock = null) => this.clock = clock ?? TimeProvider.System;

    /// <summary>Writers waiting for a turn (those that gave up included until they are passed over).</summary>
    internal int Waiting
    {
        get
        {
            lock (gate)
            {
                return interactive.Count + bulk.Count;
            }
        }
    }

    /// <summary>Waits for this writer's turn; the lock is the caller's until the returned handle is disposed.</summary>
    /// <param name="ct">Gives up waiting; a turn given meanwhile is passed on.</param>
    /// <param name="bulkWork">Background work in batches, which yields to interactive writes (see <see cref="WriteTurns"/>).</param>
    public async Task<IDisposable> TakeAsync(CancellationToken ct, bool bulkWork = false)
    {
        var waiter = Enqueue(bulkWork);
        if (!waiter.Turn.Task.IsCompleted)
        {
            await using var registration = ct.Register(() => Abandon(waiter, ct));
            await waiter.Turn.Task;
        }

        return Granted(waiter);
    }

    /// <summary>Waits on this thread for the turn of a synchronous save.</summary>
    public IDisposable Take()
    {
        var waiter = Enqueue(bulkWork: false);
        waiter.Turn.Task.GetAwaiter().GetResult();
        return Granted(waiter);
    }

    private Waiter Enqueue(bool bulkWork)
    {
        var waiter = new Waiter(bulkWork, clock.GetTimestamp());
        lock (gate)
        {
            if (!taken)
            {
                taken = true;
                waiter.Turn.SetResult();
            }
            else
            {
                (bulkWork ? bulk : interactive).Enqueue(waiter);
            }
        }

        return waiter;
    }

    private Handle Granted(Waiter waiter)
    {
        var kind = new KeyValuePair<string, object?>("kind", waiter.Kind);
        Waited.Record(clock.GetElapsedTime(waiter.Asked).TotalMilliseconds, kind);
        return new Handle(this, clock, kind);
    }

    /// <summary>A waiter that gave up stays queued, cancelled, and is passed over; one granted first goes on and releases its turn.</summary>
    private static void Abandon(Waiter waiter, CancellationToken ct) => waiter.Turn.TrySetCanceled(ct);

    private void Release()
    {
        lock (gate)
        {
            while (Next() is { } next)
            {
                if (next.Turn.TrySetResult())
                {
                    return;
                }
            }

            taken = false;
        }
    }

    /// <summary>Bulk work that has waited long enough, else the first interactive writer, else bulk work (under the gate).</summary>
    private Waiter? Next()
    {
        if (bulk.TryPeek(out var oldest) && clock.GetElapsedTime(oldest.Asked) >= BulkPatience)
        {
            return bulk.Dequeue();
        }

        return interactive.TryDequeue(out var first) ? first : bulk.TryDequeue(out var work) ? work : null;
    }

    private sealed class Waiter(bool bulkWork, long asked)
    {
        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Asked => asked;

        public string Kind => bulkWork ? "bulk" : "interactive";
    }

    private sealed class Handle(WriteTurns owner, TimeProvider clock, KeyValuePair<string, object?> kind) : IDisposable
    {
        private readonly long taken = clock.GetTimestamp();
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Held.Record(clock.GetElapsedTime(taken).TotalMilliseconds, kind);
                owner.Release();
            }
        }
    }
}
