using MailKit.Net.Smtp;
using MimeKit;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// One round of the mail dispatcher: turns the notifications waiting for a digest into digest mails once the day's
/// digest hour has passed, then sends the mails that are due. A failed attempt is recorded on the mail with its
/// next time (back-off); the round stops at a connection failure, so a server that is down costs one attempt a round.
/// </summary>
public sealed class MailOutbox(KnowledgeKaizenDbContext db, IOptions<MailOptions> options, IMailComposer composer, UnsubscribeLinks links,
    IMailTransport transport, TimeProvider clock, ILogger<MailOutbox> logger)
{
    public const int BatchSize = 20;

    /// <summary>Makes the digest mails of the notifications from before the latest digest hour; returns how many.</summary>
    public async Task<int> CollectDigestsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var boundary = new DateTimeOffset(now.UtcDateTime.Date.AddHours(options.Value.DigestHourUtc), TimeSpan.Zero);
        boundary = boundary > now ? boundary.AddDays(-1) : boundary;
        var waiting = await db.Notifications.Where(n => n.Mail == NotificationMailState.AwaitingDigest && n.CreatedAt < boundary)
            .OrderBy(n => n.Id).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var ids = waiting.Select(n => n.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.PreferredCulture, u.MailNotifications }).ToDictionaryAsync(u => u.Id, ct);
        var digests = 0;
        foreach (var group in waiting.GroupBy(n => n.UserId))
        {
            // Whoever switched to immediate e-mail since still gets what waited, in one mail; whoever turned it off, none.
            if (!users.TryGetValue(group.Key, out var user) || user.MailNotifications == MailFrequency.Off || string.IsNullOrWhiteSpace(user.Email))
            {
                group.ToList().ForEach(n => n.SkipMail());
                continue;
            }

            var digest = new OutgoingMail(user.Id, user.Email, user.PreferredCulture ?? "en", isDigest: true, now);
            group.ToList().ForEach(n => n.AddTo(digest));
            digests++;
        }

        await db.SaveChangesAsync(ct);
        return digests;
    }

    /// <summary>Sends the mails that are due; returns how many the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMails.Where(m => m.Status == OutgoingMailStatus.Queued && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var mail in due)
        {
            var notifications = await db.Notifications.AsNoTracking().Where(n => n.OutgoingMailId == mail.Id).OrderBy(n => n.Id).ToListAsync(ct);
            MailContent? content = null;
            try
            {
                var unsubscribe = $"{settings.PortalUrl.TrimEnd('/')}/Account/Unsubscribe?token={Uri.EscapeDataString(links.TokenFor(mail.UserId))}";
                content = composer.Compose(mail, notifications, unsubscribe);
                await transport.SendAsync(Message(mail, content, unsubscribe, settings), ct);
                mail.Sent(content.Subject, clock.GetUtcNow());
                sent++;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                mail.AttemptFailed(content?.Subject, ex.Message, clock.GetUtcNow(), settings.RetryAfter, settings.LongestRetryDelay, settings.MaxAttempts);
                logger.LogWarning("Mail {MailId} to {Address} failed (attempt {Attempt}, {Status}): {Error}", mail.Id, mail.ToAddress, mail.Attempts, mail.Status, ex.Message);
                await db.SaveChangesAsync(CancellationToken.None);
                // A refused command or a bad address concerns this mail only; anything else is the connection.
                if (ex is SmtpCommandException or ParseException)
                {
                    continue;
                }

                break;
            }

            // Saved mail by mail: a crash in the middle re-sends at most the one being sent.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return sent;
    }

    private static MimeMessage Message(OutgoingMail mail, MailContent content, string unsubscribe, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From ?? string.Empty));
        message.To.Add(MailboxAddress.Parse(mail.ToAddress));
        message.Subject = content.Subject;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        var body = new TextPart("plain") { Text = content.Body };
        body.Headers.Add(HeaderId.ContentLanguage, mail.Culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en");
        message.Body = body;
        return message;
    }
}
