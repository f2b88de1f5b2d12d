using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A detected standout and the playbook captured from it (published or not yet).</summary>
/// <remarks>
/// <para>Team: Team of the playbook's author (via the rep linked to the user), or null.</para>
/// <para>DetectedAt: When the standout was detected (the capture request).</para>
/// <para>PublishedAt: When the playbook was first published; null while it is not.</para>
/// </remarks>
public sealed record StandoutCapture(string? Team, DateTime DetectedAt, DateTime? PublishedAt);

/// <summary>Course completion for a team (or the company): enrolments and how many finished.</summary>
public sealed record CourseCompletion(string? Team, int Enrolled, int Completed)
{
    public double? Rate => Enrolled == 0 ? null : (double)Completed / Enrolled;
}

/// <summary>
/// Data owned by other modules that the improvement mechanism reads: performer detection (standout →
/// playbook) and courses. Swap the registration when those modules provide their own data.
/// </summary>
public interface IImprovementSignals
{
    /// <summary>Standouts detected in [from, to) and their playbooks.</summary>
    Task<IReadOnlyList<StandoutCapture>> StandoutCapturesAsync(DateTime from, DateTime to, CancellationToken ct = default);

    /// <summary>Completion per team; null when no course module is present.</summary>
    Task<IReadOnlyList<CourseCompletion>?> CourseCompletionAsync(DateTime from, DateTime to, CancellationToken ct = default);

    /// <summary>A course's title, or null if there is no such course (or no course module).</summary>
    Task<string?> CourseTitleAsync(int courseId, CancellationToken ct = default);
}

/// <summary>
/// Reads the other modules directly: a capture request is the moment a standout was detected and its
/// playbook's first approval the publication; enrolments give course completion per team (through the rep
/// linked to the learner's account).
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
            .Select(e => new { e.LearnerUserId, Completed = e.CompletedAt != null })
            .ToListAsync(ct);
        var learners = enrolments.Select(e => e.LearnerUserId).Distinct().ToList();
        var teams = await db.Reps.AsNoTracking().Where(r => r.UserId != null && learners.Contains(r.UserId))
            .Select(r => new { r.UserId, r.Team }).ToListAsync(ct);
        var teamOf = teams.GroupBy(t => t.UserId!).ToDictionary(g => g.Key, g => (string?)g.First().Team);
        return [.. enrolments.GroupBy(e => teamOf.GetValueOrDefault(e.LearnerUserId))
            .Select(g => new CourseCompletion(g.Key, g.Count(), g.Count(e => e.Completed)))
            .OrderBy(c => c.Team)];
    }

    public async Task<string?> CourseTitleAsync(int courseId, CancellationToken ct = default) =>
        await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => c.Title).FirstOrDefaultAsync(ct);
}
