using Quartz;

namespace KnowledgeKaizen.Core.Jobs.Clustered;

/// <summary>
/// The Quartz job that runs one <see cref="BackgroundJob"/> by its handler. Quartz fires it on exactly one instance; when
/// that instance dies, another recovers the firing (<see cref="IJobExecutionContext.Recovering"/>) and runs the job again
/// from the start. A shutdown hands the firing back the same way. Once the row is finished the Quartz job is removed.
/// </summary>
internal sealed class PortalJob(JobExecution execution) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (ClusteredJobs.IdOf(context.JobDetail.Key) is not { } jobId)
        {
            return;
        }

        await execution.RunAsync(jobId, rerun: context.Recovering, handBackOnShutdown: true, cancellationToken);

        // The row is the record; the Quartz job was only the means. Left behind (a failed delete), the sweep removes it.
        await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None);
    }
}
