namespace KnowledgeKaizen.Core.Jobs;

/// <summary>A job kind a module wants queued daily, and the time of day it is due (null: never).</summary>
public sealed record DailyJob(string Kind, Func<IServiceProvider, TimeOnly?> At);

/// <summary>
/// Queues each <see cref="DailyJob"/> once a day at its time (<see cref="DailySchedule"/>); run every minute as a
/// <see cref="PeriodicTask"/> (so once a minute in the whole cluster). The job queue keeps one queued or running job per
/// kind, and whoever runs jobs runs it like any other.
/// </summary>
internal sealed class DailyJobScheduler(IEnumerable<DailyJob> daily, TimeProvider clock, ILogger<DailyJobScheduler> logger)
{
    public const string Name = "daily-jobs";

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    /// <summary>When this process started checking: a fresh install waits for its first scheduled time after it.</summary>
    private readonly DateTimeOffset started = clock.GetUtcNow();

    public async Task CheckAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var job in daily)
        {
            try
            {
                if (job.At(services) is not { } at)
                {
                    continue;
                }

                var queue = services.GetRequiredService<IJobQueue>();
                var last = await queue.LatestAsync(job.Kind, ct);
                if (DailySchedule.IsDue(at, last?.QueuedAt, started, clock.GetUtcNow(), clock.LocalTimeZone))
                {
                    logger.LogInformation("Queuing the daily {Kind} job", job.Kind);
                    await queue.EnqueueOnceAsync(job.Kind, null, "schedule", ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A locked database or a transient error must not hold up the other kinds; the next check tries again.
                logger.LogWarning(e, "Could not check whether the daily {Kind} job is due", job.Kind);
            }
        }
    }
}
