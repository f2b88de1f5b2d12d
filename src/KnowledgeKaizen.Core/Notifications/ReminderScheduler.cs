namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// Runs <see cref="Reminders"/> on start and then every <see cref="Interval"/>, as a periodic task (once per interval in the
/// cluster on PostgreSQL); a failure is logged and retried next time.
/// </summary>
internal sealed class ReminderScheduler(Reminders reminders, ILogger<ReminderScheduler> logger)
{
    public const string Name = "reminders";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var raised = await reminders.RunAsync(ct);
        if (raised > 0)
        {
            logger.LogInformation("Raised {Count} reminders (verification due, cycle check date)", raised);
        }
    }
}
