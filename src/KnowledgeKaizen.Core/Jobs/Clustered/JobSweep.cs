using Quartz;

namespace KnowledgeKaizen.Core.Jobs.Clustered;

/// <summary>
/// Keeps the job rows and the Quartz jobs in step, once per <see cref="JobsOptions.SweepInterval"/> in the cluster: a queued
/// row nothing will run (its instance died between the commit and the scheduling) is scheduled; a running row nothing runs
/// or will recover (left by a version that ran jobs in-process, or whose finish could not be written) is failed; a Quartz
/// job whose row is finished or gone is removed. Every change is conditional on what it read, so racing a job that
/// finishes meanwhile does no harm. This is what replaces the in-process worker's start-up recovery in cluster mode:
/// a row running on another live instance is never touched.
/// </summary>
internal sealed class JobSweep(KnowledgeKaizenDbContext db, ClusteredJobs cluster, TimeProvider clock, ILogger<JobSweep> logger)
{
    public const string Name = "job-sweep";

    public async Task SweepAsync(CancellationToken ct)
    {
        var scheduler = await cluster.SchedulerAsync(ct);
        var active = await db.BackgroundJobs.AsNoTracking().Where(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running)
            .Select(j => new { j.Id, j.Kind, j.Status }).ToListAsync(ct);
        foreach (var job in active)
        {
            // A job bound to an instance is that instance's worker's, not the cluster's.
            if (InstanceJobs.IsBound(job.Kind) || await cluster.IsCoveredAsync(scheduler, job.Id, ct))
            {
                continue;
            }

            if (job.Status == JobStatus.Queued)
            {
                logger.LogInformation("Job {JobId} ({Kind}) was queued without its Quartz job; scheduling it", job.Id, job.Kind);
                await cluster.ScheduleAsync(job.Id, ct);
            }
            else if (await db.BackgroundJobs.Where(j => j.Id == job.Id && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
                         .SetProperty(j => j.Status, JobStatus.Failed)
                         .SetProperty(j => j.Message, JobMessages.InterruptedByRestart)
                         .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), ct) > 0)
            {
                logger.LogWarning("Job {JobId} ({Kind}) was running with no instance running or recovering it; marked failed", job.Id, job.Kind);
            }
        }

        var stillActive = active.Select(j => j.Id).ToHashSet();
        foreach (var header in (await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(ClusteredJobs.Group), Take = 500 }, ct)).Items)
        {
            if (ClusteredJobs.IdOf(header.Key) is { } id && !stillActive.Contains(id)
                && !await db.BackgroundJobs.AnyAsync(j => j.Id == id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running), ct)
                && !await cluster.IsCoveredAsync(scheduler, id, ct))
            {
                await scheduler.DeleteJob(header.Key, ct);
            }
        }
    }
}
