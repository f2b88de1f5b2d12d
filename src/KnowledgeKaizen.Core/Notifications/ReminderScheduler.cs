using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>Runs <see cref="Reminders"/> on start and then every <see cref="Interval"/>; a failure is logged and retried next time.</summary>
internal sealed class ReminderScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var raised = await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(stoppingToken);
                if (raised > 0)
                {
                    logger.LogInformation("Raised {Count} reminders (verification due, cycle check date)", raised);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Raising reminders failed; trying again in {Interval}", Interval);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
