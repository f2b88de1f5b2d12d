namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>
/// Looks for finished imports and for the scheduled interval, and queues a retraining when one is due; run every
/// <see cref="RetrainOptions.SchedulerPollInterval"/> as a periodic task (in this process, or once in the cluster).
/// </summary>
internal sealed class RetrainScheduler(RetrainTrigger trigger, ILogger<RetrainScheduler> logger)
{
    public const string Name = "performer-retrain-check";

    public async Task CheckAsync(CancellationToken ct)
    {
        if (await trigger.DueReasonAsync(ct) is { } reason)
        {
            logger.LogInformation("Queuing a performer-detection retraining: {Reason}", reason);
            await trigger.EnqueueAsync(reason, null, ct);
        }
    }
}
