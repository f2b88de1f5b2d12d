namespace KnowledgeKaizen.Core.Improvement;

/// <summary>
/// Reads the other modules directly: a capture request is the moment a standout was detected and its
/// playbook's first approval the publication; enrolments give course completion per team (through the rep
/// linked to the learner's account), counting a learner who finished below the mastery score as not completed.
/// </summary>
public sealed class PortalSignals(KnowledgeKaizenDbContext db) : IImprovementSignals
{
    public async Task<IReadOnlyList<StandoutCapture>> StandoutCapturesAsync(DateTime from, DateTime to, CancellationToken ct = default)
    {
        var start = new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc));
        var end = new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc));
        var requests = await db.CaptureRequests.AsNoTracking()
            .Where(r => r.RequestedAt >= start && r.RequestedAt < end)
            .Select(r => new { r.RepId, r.RequestedAt, r.PlaybookId })
            .ToListAsync(ct);
        var playbookIds = requests.Where(r => r.PlaybookId != null).Select(r => r.PlaybookId!.Value).Distinct().ToList();
        var published = await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => playbookIds.Contains(d.Id))
            .Select(d => new
            {
                d.Id,
                At = d.ReviewComments.Where(c => c.Approved).OrderBy(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefault(),
            })
            .ToDictionaryAsync(d => d.Id, d => d.At, ct);
        var repIds = requests.Select(r => r.RepId).Distinct().ToList();
        var teams = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Team, ct);
        return [.. requests.Select(r => new StandoutCapture(
            teams.GetValueOrDefault(r.RepId),
            r.RequestedAt.UtcDateTime,
            r.PlaybookId is { } id && published.GetValueOrDefault(id) is { } at ? at.UtcDateTime : null))];
    }

    public async Task<IReadOnlyList<CourseCompletion>?> CourseCompletionAsync(DateTime from, DateTime to, CancellationToken ct = default)
    {
        var start = new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc));
        var end = new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc));
        var enrolments = await db.Enrollments.AsNoTracking()
            .Where(e => e.EnrolledAt >= start && e.EnrolledAt < end)
            .ToListAsync(ct);
        var learners = enrolments.Select(e => e.LearnerUserId).Distinct().ToList();
        var teams = await db.Reps.AsNoTracking().Where(r => r.UserId != null && learners.Contains(r.UserId))
            .Select(r => new { r.UserId, r.Team }).ToListAsync(ct);
        var teamOf = teams.GroupBy(t => t.UserId!).ToDictionary(g => g.Key, g => (string?)g.First().Team);
        return [.. enrolments.GroupBy(e => teamOf.GetValueOrDefault(e.LearnerUserId))
            .Select(g => new CourseCompletion(g.Key, g.Count(), g.Count(e => e.Passed)))
            .OrderBy(c => c.Team)];
    }

    public async Task<string?> CourseTitleAsync(int courseId, CancellationToken ct = default) =>
        await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => c.Title).FirstOrDefaultAsync(ct);
}
