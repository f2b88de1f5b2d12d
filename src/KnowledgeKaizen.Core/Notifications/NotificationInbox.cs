namespace KnowledgeKaizen.Core.Notifications;

/// <summary>A user's notifications (the bell and the list) and their e-mail choice.</summary>
public sealed class NotificationInbox(KnowledgeKaizenDbContext db, UnsubscribeLinks links, TimeProvider clock)
{
    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<Notification>> ListAsync(string userId, int take = 100, CancellationToken ct = default) =>
        await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(take).ToListAsync(ct);

    /// <summary>Marks the user's notification read and returns its link; null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(long id, string userId, CancellationToken ct = default)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is null)
        {
            return null;
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return notification.Link;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct);
        unread.ForEach(n => n.MarkRead(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    public async Task<MailFrequency?> MailFrequencyAsync(string userId, CancellationToken ct = default) =>
        await db.Users.Where(u => u.Id == userId).Select(u => (MailFrequency?)u.MailNotifications).SingleOrDefaultAsync(ct);

    public async Task<bool> SetMailFrequencyAsync(string userId, MailFrequency frequency, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(frequency))
        {
            return false;
        }

        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.MailNotifications, frequency), ct) == 1;
    }

    /// <summary>The e-mail address an unsubscribe link was made for; null for a link that is not valid.</summary>
    public async Task<string?> UnsubscribeAddressAsync(string? token, CancellationToken ct = default) =>
        links.UserIdOf(token) is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct) : null;

    /// <summary>Turns e-mail off for the user the link was made for.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct = default) =>
        links.UserIdOf(token) is { } userId && await SetMailFrequencyAsync(userId, MailFrequency.Off, ct);
}
