using Quartz;

namespace KnowledgeKaizen.Core.Jobs.Clustered;

/// <summary>
/// Starts this instance's Quartz scheduler (a node of the cluster) in cluster mode, after making sure each
/// <see cref="PeriodicTask"/> has its one repeating trigger in the clustered store: every instance declares the same
/// triggers at start, the store keeps one of each, and each firing runs on one instance. A trigger whose interval changed
/// in the settings is replaced; an unchanged one is kept, so its rhythm survives restarts.
/// </summary>
internal sealed class ClusteredJobsHost(JobsMode mode, ClusteredJobs cluster, IServiceScopeFactory scopes, IEnumerable<PeriodicTask> tasks,
    TimeProvider clock) : IHostedService
{
    private IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!mode.Clustered)
        {
            return;
        }

        scheduler = await cluster.SchedulerAsync(cancellationToken);
        using (var scope = scopes.CreateScope())
        {
            foreach (var task in tasks)
            {
                await DeclareAsync(scheduler, task, task.Interval(scope.ServiceProvider), cancellationToken);
            }
        }

        await scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is not null)
        {
            // Running jobs are asked to stop (ShutdownJobInterruption) and handed back to the cluster to run again elsewhere.
            await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
        }
    }

    private async Task DeclareAsync(IScheduler on, PeriodicTask task, TimeSpan interval, CancellationToken ct)
    {
        var key = new JobKey(task.Name, PeriodicTaskJob.Group);
        var triggerKey = new TriggerKey(task.Name, PeriodicTaskJob.Group);
        if (await on.GetTrigger(triggerKey, ct) is ISimpleTrigger existing && existing.RepeatInterval == interval)
        {
            return;
        }

        var job = JobBuilder.Create<PeriodicTaskJob>().WithIdentity(key).StoreDurably().Build();
        var trigger = Quartz.TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(key)
            .StartAt(task.RunAtStart ? clock.GetUtcNow() : clock.GetUtcNow() + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))

            // A check that comes later than half its interval (a busy or restarted cluster) waits for its next time rather
            // than running again and again to catch up: each run looks at the present anyway.
            .WithMisfireThreshold(interval / 2)
            .Build();
        await on.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
    }
}
