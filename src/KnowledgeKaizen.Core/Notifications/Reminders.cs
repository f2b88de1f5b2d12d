using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// The time-driven events: a published document whose verification falls due within <see cref="VerificationNoticeDays"/>,
/// and an open cycle (Plan or Do) that reached its check date. Idempotent: an item is raised once per due date
/// (a later date — after a verification, or a moved check — is a new reminder), however often this runs.
/// </summary>
public sealed class Reminders(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public const int VerificationNoticeDays = 14;

    /// <summary>Raises what fell due since the last run; returns how many reminders were raised.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = today.AddDays(VerificationNoticeDays);
        var documents = await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived && d.Status != DocumentStatus.Standardised
                && d.VerifyBy != null && d.VerifyBy >= today && d.VerifyBy <= horizon)
            .Select(d => new { d.Id, VerifyBy = d.VerifyBy!.Value }).ToListAsync(ct);
        var cycles = await db.ImprovementCycles.AsNoTracking()
            .Where(c => (c.Phase == CyclePhase.Plan || c.Phase == CyclePhase.Do) && c.CheckDate <= now.UtcDateTime && c.OwnerUserId != null)
            .Select(c => new { c.Id, c.CheckDate }).ToListAsync(ct);

        var due = documents.Select(d => (Key: DocumentNotifications.VerificationKey(d.Id, d.VerifyBy), Event: (Events.IDomainEvent)new DocumentVerificationDue(d.Id, d.VerifyBy)))
            .Concat(cycles.Select(c => (Key: ActivityNotifications.CheckKey(c.Id, c.CheckDate), Event: (Events.IDomainEvent)new CycleCheckDue(c.Id, c.CheckDate))))
            .ToList();
        var keys = due.Select(d => d.Key).ToList();
        var told = (await db.Notifications.Where(n => n.Key != null && keys.Contains(n.Key)).Select(n => n.Key!).Distinct().ToListAsync(ct)).ToHashSet();
        var raised = 0;
        foreach (var (_, domainEvent) in due.Where(d => !told.Contains(d.Key)))
        {
            db.Raise(domainEvent);
            raised++;
        }

        if (raised > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return raised;
    }
}
