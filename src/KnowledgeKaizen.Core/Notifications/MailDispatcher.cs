using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// Sends the e-mail outbox in the background, one <see cref="MailOutbox"/> round every poll interval. Nothing a user
/// does waits for the mail server: a server that is down only leaves mails queued for their next attempt.
/// </summary>
internal sealed class MailDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("E-mail is off ({Section}:Host is empty): notifications appear in the portal only", MailOptions.Section);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
                await outbox.CollectDigestsAsync(stoppingToken);
                await outbox.SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A round of the mail outbox failed; trying again");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
