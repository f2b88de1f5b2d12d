namespace KnowledgeKaizen.Core.Improvement;

/// <summary>"I applied this" and views on playbooks; per rep through the user's linked rep (user id or email).</summary>
public sealed class AdoptionService(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<AdoptionState> StateAsync(int documentId, string? userId, CancellationToken ct = default)
    {
        var isPlaybook = await db.KnowledgeDocuments.AnyAsync(d => d.Id == documentId && d.Kind == DocumentKind.Playbook, ct);
        if (!isPlaybook)
        {
            return new AdoptionState(false, false, 0, 0);
        }

        var applications = await db.PlaybookApplications.Where(a => a.DocumentId == documentId).Select(a => a.UserId).ToListAsync(ct);
        var readers = await db.DocumentViews.Where(v => v.DocumentId == documentId).Select(v => v.UserId).Distinct().CountAsync(ct);
        return new AdoptionState(true, userId is not null && applications.Contains(userId), applications.Count, readers);
    }

    /// <summary>Toggles the reader's application of a published playbook; returns whether it is now applied.</summary>
    public async Task<bool> ToggleAppliedAsync(int documentId, string userId, CancellationToken ct = default)
    {
        if (!await db.KnowledgeDocuments.AnyAsync(d => d.Id == documentId && d.Kind == DocumentKind.Playbook
                && d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived, ct))
        {
            throw new ImprovementRuleException("Only a published playbook can be marked as applied.");
        }

        var existing = await db.PlaybookApplications.FirstOrDefaultAsync(a => a.DocumentId == documentId && a.UserId == userId, ct);
        if (existing is not null)
        {
            db.PlaybookApplications.Remove(existing);
        }
        else
        {
            db.PlaybookApplications.Add(new PlaybookApplication(documentId, userId, Now));
        }

        await db.SaveChangesAsync(ct);
        return existing is null;
    }

    /// <summary>Counts a reader's view once per day; unknown documents are ignored.</summary>
    public async Task RecordViewAsync(int documentId, string userId, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(Now);
        if (await db.DocumentViews.AnyAsync(v => v.DocumentId == documentId && v.UserId == userId && v.Day == today, ct)
            || !await db.KnowledgeDocuments.AnyAsync(d => d.Id == documentId, ct))
        {
            return;
        }

        db.DocumentViews.Add(new DocumentView(documentId, userId, today));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs recorded the same view at once: the unique index kept one, which is all we want.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Rep ids of users who applied any of the playbooks on or before <paramref name="until"/>, with the first application date.</summary>
    public async Task<IReadOnlyDictionary<long, DateTime>> AdopterRepsAsync(IReadOnlyCollection<int> playbookIds, DateTime until, CancellationToken ct = default)
    {
        var applications = await db.PlaybookApplications.AsNoTracking()
            .Where(a => playbookIds.Contains(a.DocumentId) && a.AppliedAt < until)
            .GroupBy(a => a.UserId).Select(g => new { UserId = g.Key, First = g.Min(a => a.AppliedAt) }).ToListAsync(ct);
        var userIds = applications.Select(a => a.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Email = u.NormalizedEmail }).ToListAsync(ct);
        var normalized = emails.Where(e => e.Email != null).Select(e => e.Email!).ToList();
        var reps = await db.Reps.AsNoTracking()
            .Where(r => (r.UserId != null && userIds.Contains(r.UserId)) || (r.Email != null && normalized.Contains(r.Email.ToUpper())))
            .Select(r => new { r.Id, r.UserId, r.Email }).ToListAsync(ct);
        var result = new Dictionary<long, DateTime>();
        foreach (var rep in reps)
        {
            var user = rep.UserId is not null && userIds.Contains(rep.UserId)
                ? rep.UserId
                : emails.FirstOrDefault(e => e.Email == rep.Email?.ToUpperInvariant())?.Id;
            if (user is not null && applications.FirstOrDefault(a => a.UserId == user) is { } application)
            {
                result[rep.Id] = application.First;
            }
        }

        return result;
    }
}
