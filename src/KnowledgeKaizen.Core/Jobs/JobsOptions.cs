namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Settings under "KnowledgeKaizen:Jobs", read only on PostgreSQL, where jobs and scheduled checks run on a Quartz.NET
/// cluster over the same database (several instances, each job once). The defaults suit production; tests shorten them so
/// a killed instance's job is taken over within seconds.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "KnowledgeKaizen:Jobs";

    /// <summary>How often an instance records that it is alive (Quartz's cluster check-in). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "KnowledgeKaizen:Jobs:CheckinInterval must be between a second and ten minutes.")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past a missed check-in the others wait before they take an instance for dead and re-run its jobs. Default
    /// 20 s: a garbage collection or a slow disk must not make two instances run one job.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "KnowledgeKaizen:Jobs:CheckinMisfireThreshold must be between a second and ten minutes.")]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How often an idle instance looks for work queued elsewhere (a job queued on this instance starts at once). Default
    /// 10 s; at least a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "KnowledgeKaizen:Jobs:IdleWaitTime must be between a second and ten minutes.")]
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a scheduled check may fire before it counts as missed and waits for its next time. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "KnowledgeKaizen:Jobs:MisfireThreshold must be between a second and an hour.")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the cluster looks for job rows without their Quartz job (the instance that queued one died between the
    /// two writes) and for Quartz jobs whose row is finished. Default one minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "KnowledgeKaizen:Jobs:SweepInterval must be between a second and an hour.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
