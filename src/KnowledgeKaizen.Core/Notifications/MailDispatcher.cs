namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// Sends the e-mail outbox in the background, one <see cref="MailOutbox"/> round every poll interval, as a periodic task
/// (on PostgreSQL once per interval in the cluster, so two instances never send the same round). Nothing a user does waits
/// for the mail server: a server that is down only leaves mails queued for their next attempt.
/// </summary>
internal sealed class MailDispatcher(MailOutbox outbox, IOptions<MailOptions> options)
{
    public const string Name = "mail-outbox";

    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await outbox.CollectDigestsAsync(ct);
        await outbox.SendDueAsync(ct);
    }
}
