using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>Polls for finished imports and for the scheduled interval, and queues a retraining when one is due.</summary>
internal sealed class RetrainScheduler(IServiceScopeFactory scopes, IOptions<RetrainOptions> options, ILogger<RetrainScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var trigger = scope.ServiceProvider.GetRequiredService<RetrainTrigger>();
                if (await trigger.DueReasonAsync(stoppingToken) is { } reason)
                {
                    logger.LogInformation("Queuing a performer-detection retraining: {Reason}", reason);
                    await trigger.EnqueueAsync(reason, null, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The scheduler must outlive a locked database or a transient error; the next tick tries again.
                logger.LogWarning(e, "The performer-detection retraining scheduler could not check for due work");
            }
        }
    }
}
