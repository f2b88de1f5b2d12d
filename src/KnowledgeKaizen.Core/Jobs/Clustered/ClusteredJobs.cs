using Quartz;

namespace KnowledgeKaizen.Core.Jobs.Clustered;

/// <summary>
/// The portal's jobs in the Quartz cluster: one durable Quartz job per <see cref="BackgroundJob"/> row (named by its id,
/// asking for recovery, so another instance re-runs it when the one running it dies), fired once by a one-shot trigger in
/// the execution group that lets each instance run one portal job at a time.
/// </summary>
internal sealed class ClusteredJobs(ISchedulerFactory factory)
{
    /// <summary>The job group, and the execution group limited to one running job per instance.</summary>
    public const string Group = "portal-jobs";

    public static JobKey KeyOf(Guid jobId) => new(jobId.ToString("N"), Group);

    public static Guid? IdOf(JobKey key) => key.Group == Group && Guid.TryParseExact(key.Name, "N", out var id) ? id : null;

    public ValueTask<IScheduler> SchedulerAsync(CancellationToken ct) => factory.GetScheduler(ct);

    /// <summary>Schedules the run of a queued row; a run already scheduled (by the sweep or a second call) is left alone.</summary>
    public async Task ScheduleAsync(Guid jobId, CancellationToken ct)
    {
        var scheduler = await SchedulerAsync(ct);
        var key = KeyOf(jobId);
        var trigger = Quartz.TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key).WithExecutionGroup(Group).StartNow().Build();
        if (!await scheduler.Exists(key, ct))
        {
            var job = JobBuilder.Create<PortalJob>().WithIdentity(key).StoreDurably().RequestRecovery().Build();
            try
            {
                await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
                return;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another instance (the sweep) scheduled it first: the trigger below then exists too.
            }
        }

        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, ct);
    }

    /// <summary>Whether anything in the cluster will still run the job: a trigger waiting for it, or a firing running it.</summary>
    public async Task<bool> IsCoveredAsync(IScheduler scheduler, Guid jobId, CancellationToken ct)
    {
        var key = KeyOf(jobId);
        return await scheduler.Exists(key, ct)
            && ((await scheduler.QueryTriggers(new TriggerQuery { Job = key, Take = 1 }, ct)).Items.Count > 0
                || (await scheduler.QueryFireInstances(new FireInstanceQuery { Job = key, Take = 1 }, ct)).Items.Count > 0);
    }
}
