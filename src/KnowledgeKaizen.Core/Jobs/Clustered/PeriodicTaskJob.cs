using Quartz;

namespace KnowledgeKaizen.Core.Jobs.Clustered;

/// <summary>Runs a <see cref="PeriodicTask"/> when its trigger fires: once per interval in the cluster, never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class PeriodicTaskJob(IServiceScopeFactory scopes, IEnumerable<PeriodicTask> tasks, ILogger<PeriodicTaskJob> logger) : IJob
{
    public const string Group = "portal-periodic";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (tasks.FirstOrDefault(t => t.Name == context.JobDetail.Key.Name) is { } task)
        {
            await PeriodicTaskRunner.RunOnceAsync(scopes, task, logger, cancellationToken);
        }
    }
}
