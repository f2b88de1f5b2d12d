using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Core.Jobs;

/// <summary>A job kind a module wants queued daily, and the time of day it is due (null: never).</summary>
public sealed record DailyJob(string Kind, Func<IServiceProvider, TimeOnly?> At);

/// <summary>
/// Queues each <see cref="DailyJob"/> once a day at its time (<see cref="DailySchedule"/>), checking every minute; the job
/// queue keeps one queued or running job per kind, and the worker runs it like any other.
/// </summary>
internal sealed class DailyJobScheduler(IServiceScopeFactory scopes, IEnumerable<DailyJob> daily, TimeProvider clock, ILogger<DailyJobScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow();
        using var timer = new PeriodicTimer(CheckEvery, clock);
        do
        {
            foreach (var job in daily)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    if (job.At(scope.ServiceProvider) is not { } at)
                    {
                        continue;
                    }

                    var queue = scope.ServiceProvider.GetRequiredService<IJobQueue>();
                    var last = await queue.LatestAsync(job.Kind, stoppingToken);
                    if (DailySchedule.IsDue(at, last?.QueuedAt, started, clock.GetUtcNow(), clock.LocalTimeZone))
                    {
                        logger.LogInformation("Queuing the daily {Kind} job", job.Kind);
                        await queue.EnqueueOnceAsync(job.Kind, null, "schedule", stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A locked database or a transient error must not end the schedule; the next check tries again.
                    logger.LogWarning(e, "Could not check whether the daily {Kind} job is due", job.Kind);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
