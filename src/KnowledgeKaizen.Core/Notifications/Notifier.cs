using KnowledgeKaizen.Core.Identity;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// Adds the notifications an event produces to the context that raised it (so they are saved in its transaction),
/// each with its e-mail as the recipient chose: queued now, kept for the daily digest, or none.
/// </summary>
public sealed class Notifier(IOptions<MailOptions> mail)
{
    /// <summary>Tells each of <paramref name="userIds"/> (but not <paramref name="except"/>, who did it).</summary>
    public async Task TellAsync(KnowledgeKaizenDbContext db, IEnumerable<string> userIds, NotificationMessage message, string? except, CancellationToken ct)
    {
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id) && id != except).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var now = db.Clock.GetUtcNow();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && (u.LockoutEnd == null || u.LockoutEnd < now))
            .Select(u => new { u.Id, u.Email, u.PreferredCulture, u.MailNotifications }).ToListAsync(ct);
        if (message.Key is { } key)
        {
            var told = await db.Notifications.Where(n => n.Key == key && ids.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct);
            recipients.RemoveAll(r => told.Contains(r.Id));
        }

        foreach (var user in recipients)
        {
            var notification = new Notification(user.Id, message.Kind, message.Subject, message.Actor, message.Detail, message.Link, message.Key, now);
            var mailable = mail.Value.Enabled && !string.IsNullOrWhiteSpace(user.Email);
            if (mailable && user.MailNotifications == MailFrequency.Immediate)
            {
                notification.MailNow(new OutgoingMail(user.Id, user.Email!, user.PreferredCulture ?? "en", isDigest: false, now));
            }
            else if (mailable && user.MailNotifications == MailFrequency.DailyDigest)
            {
                notification.MailInDigest();
            }

            db.Notifications.Add(notification);
        }
    }

    /// <summary>
    /// The people who review and keep content: the KnowledgeManagers, or the Admins where there is none.
    /// </summary>
    public static async Task<IReadOnlyList<string>> KnowledgeManagersAsync(KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var managers = await UsersInRoleAsync(db, Roles.KnowledgeManager, ct);
        return managers.Count > 0 ? managers : await UsersInRoleAsync(db, Roles.Admin, ct);
    }

    /// <summary>The account with this e-mail, if any.</summary>
    public static Task<string?> UserIdByEmailAsync(KnowledgeKaizenDbContext db, string? email, CancellationToken ct)
    {
        var normalized = email?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(normalized) ? Task.FromResult<string?>(null)
            : db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    public static Task<string?> NameAsync(KnowledgeKaizenDbContext db, string? userId, CancellationToken ct) =>
        userId is null ? Task.FromResult<string?>(null)
            : db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefaultAsync(ct);

    /// <summary>The actor's display name from their account (events carry the sign-in name), else <paramref name="fallback"/>.</summary>
    public static async Task<string> NameOrAsync(KnowledgeKaizenDbContext db, string? userId, string fallback, CancellationToken ct) =>
        await NameAsync(db, userId, ct) ?? fallback;

    private static async Task<IReadOnlyList<string>> UsersInRoleAsync(KnowledgeKaizenDbContext db, string role, CancellationToken ct) =>
        await db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Distinct().ToListAsync(ct);
}
