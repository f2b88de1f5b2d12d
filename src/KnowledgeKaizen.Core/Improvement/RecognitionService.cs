namespace KnowledgeKaizen.Core.Improvement;

/// <summary>The incentive system: credit contributors for what their knowledge did, and let colleagues thank them.</summary>
public sealed class RecognitionService(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ContributorCredit>> ContributorsAsync(CancellationToken ct = default)
    {
        var documents = await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.AuthorUserId != null && d.PublishedRevisionNumber != null)
            .Select(d => new { d.Id, d.Kind, UserId = d.AuthorUserId!, d.AuthorName }).ToListAsync(ct);
        if (documents.Count == 0)
        {
            return [];
        }

        var ids = documents.Select(d => d.Id).ToList();
        var caseLinks = await CountByDocumentAsync(db.SolutionCaseLinks.Where(l => ids.Contains(l.DocumentId)).Select(l => l.DocumentId), ct);
        var applications = await CountByDocumentAsync(db.PlaybookApplications.Where(a => ids.Contains(a.DocumentId)).Select(a => a.DocumentId), ct);
        var helpful = await CountByDocumentAsync(db.DocumentFeedback.Where(f => ids.Contains(f.DocumentId) && f.Kind == FeedbackKind.Helpful).Select(f => f.DocumentId), ct);
        var improved = (await db.ImprovementCycles.AsNoTracking().Include(c => c.Links)
            .Where(c => c.LastCheck != null && c.LastCheck.Verdict == CheckVerdict.Improved).ToListAsync(ct))
            .SelectMany(c => c.Links.Where(l => l.Kind == CycleLinkKind.Playbook).Select(l => (l.TargetId, Effect: c.LastCheck!.Effect)))
            .ToList();
        var authors = documents.Select(d => d.UserId).Distinct().ToList();
        var kudos = await db.Kudos.AsNoTracking().Where(k => authors.Contains(k.ToUserId)).OrderByDescending(k => k.GivenAt).ToListAsync(ct);

        return [.. documents.GroupBy(d => d.UserId).Select(g =>
        {
            var mine = g.Select(d => d.Id).ToHashSet();
            var effects = improved.Where(i => mine.Contains(i.TargetId)).ToList();
            var received = kudos.Where(k => k.ToUserId == g.Key).ToList();
            return new ContributorCredit(g.Key, g.First().AuthorName, mine.Count,
                mine.Sum(id => caseLinks.GetValueOrDefault(id) + applications.GetValueOrDefault(id)),
                mine.Sum(id => helpful.GetValueOrDefault(id)),
                effects.Count,
                effects.Count == 0 ? null : effects.Max(e => e.Effect is { } x ? Math.Abs(x) : 0),
                received.Count, [.. received.Take(3)]);
        })
        .OrderByDescending(c => c.ImprovedCycles).ThenByDescending(c => c.Reuse).ThenByDescending(c => c.Helpful)
        .ThenByDescending(c => c.Kudos).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>Thanks a contributor. One kudos per giver and receiver a day; not to oneself.</summary>
    public async Task GiveAsync(string fromUserId, string fromName, string toUserId, string message, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var kudos = new Kudos(fromUserId, fromName, toUserId, message, now);
        if (!await db.Users.AnyAsync(u => u.Id == toUserId, ct))
        {
            throw new ImprovementRuleException("This contributor does not exist.");
        }

        if (await db.Kudos.AnyAsync(k => k.FromUserId == fromUserId && k.ToUserId == toUserId && k.Day == kudos.Day, ct))
        {
            throw new ImprovementRuleException("You already gave kudos to this contributor today.");
        }

        db.Kudos.Add(kudos);
        db.Raise(new KudosGiven(fromUserId, fromName, toUserId, kudos.Message));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Dictionary<int, int>> CountByDocumentAsync(IQueryable<int> documentIds, CancellationToken ct) =>
        await documentIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
