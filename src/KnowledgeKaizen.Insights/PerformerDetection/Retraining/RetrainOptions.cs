namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>When and how performer detection is retrained (bound from the configuration section "Insights").</summary>
public sealed class RetrainOptions
{
    /// <summary>Send every new Standout a capture request automatically after a retraining (otherwise a manager does).</summary>
    public bool AutoCaptureRequests { get; set; }

    /// <summary>
    /// Queue a retraining at start when there are no findings yet or their model files are gone (default). Off: the first
    /// retraining waits for the schedule or the next import, e.g. while a large history is still being loaded.
    /// </summary>
    public bool RetrainAtStart { get; set; } = true;

    /// <summary>Scheduled retraining interval (default one day); a successful import also triggers one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Insights:RetrainInterval must be between a minute and a year.")]
    public TimeSpan RetrainInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the scheduler looks for finished imports and for a due retraining.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Insights:SchedulerPollInterval must be between a second and a day.")]
    public TimeSpan SchedulerPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A new model whose out-of-fold AUC is lower than the serving one's by more than this is not promoted.</summary>
    [Range(0, 1, ErrorMessage = "Insights:PromotionAucMargin must be between 0 and 1.")]
    public double PromotionAucMargin { get; set; } = 0.01;

    /// <summary>Older snapshots beyond this many are deleted after a retraining.</summary>
    [Range(1, 1000, ErrorMessage = "Insights:SnapshotsKept must be between 1 and 1000.")]
    public int SnapshotsKept { get; set; } = 10;

    /// <summary>
    /// For crash tests only: a retraining that has trained and checked its model writes this file and waits there, before
    /// it keeps anything, until its process is killed. Unset in any real deployment.
    /// </summary>
    public string? RetrainHoldMarker { get; set; }
}
