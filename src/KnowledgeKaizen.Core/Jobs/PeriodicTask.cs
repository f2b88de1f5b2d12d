namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// A check a module wants run every <see cref="Interval"/> (is a retraining due, is a daily job due): once per interval in
/// this process on SQLite, once per interval in the whole cluster on PostgreSQL (a Quartz trigger in the clustered store).
/// The check itself must be cheap and safe to repeat; long work it finds due goes to the job queue.
/// </summary>
/// <param name="Name">Stable and unique: it names the cluster's trigger.</param>
/// <param name="Interval">Read from the settings when the schedule is set up.</param>
/// <param name="RunAtStart">Whether the first run comes at start rather than one interval later.</param>
/// <param name="RunAsync">The check, given a scope of its own.</param>
public sealed record PeriodicTask(string Name, Func<IServiceProvider, TimeSpan> Interval, bool RunAtStart,
    Func<IServiceProvider, CancellationToken, Task> RunAsync);
