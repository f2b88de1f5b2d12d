namespace KnowledgeKaizen.Core.Notifications;

/// <summary>What Admins see of the e-mail outbox: counts, the latest mails with their attempts, and sending one again.</summary>
public sealed class MailQueue(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<OutgoingMailStatus, int>> CountsAsync(CancellationToken ct = default) =>
        await db.OutgoingMails.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>Waiting and failed mails first, then the newest.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> LatestAsync(int take = 100, CancellationToken ct = default) =>
        await db.OutgoingMails.AsNoTracking().OrderBy(m => m.Status == OutgoingMailStatus.Sent).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);

    /// <summary>Sends a waiting or failed mail again at the dispatcher's next round.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken ct = default)
    {
        var mail = await db.OutgoingMails.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null || mail.Status == OutgoingMailStatus.Sent)
        {
            return false;
        }

        mail.RetryNow(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
