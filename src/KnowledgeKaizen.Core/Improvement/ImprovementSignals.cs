using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Knowledge;
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
/// What main provides today: a playbook drafted from a capture request carries an evidence snapshot, so its
/// creation time stands in for the detection time and its first approval for publication. No courses yet.
/// </summary>
public sealed class KnowledgeBaseSignals(KnowledgeKaizenDbContext db) : IImprovementSignals
{
    public async Task<IReadOnlyList<StandoutCapture>> StandoutCapturesAsync(DateTime from, DateTime to, CancellationToken ct = default)
    {
        var start = new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc));
        var end = new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc));
        var drafts = await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Playbook && d.EvidenceSnapshot != null && d.CreatedAt >= start && d.CreatedAt < end)
            .Select(d => new
            {
                d.AuthorUserId,
                d.CreatedAt,
                Published = d.ReviewComments.Where(c => c.Approved).OrderBy(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefault(),
            }).ToListAsync(ct);
        var authors = drafts.Select(d => d.AuthorUserId).Where(a => a != null).Distinct().ToList();
        var teams = await db.Reps.AsNoTracking().Where(r => r.UserId != null && authors.Contains(r.UserId))
            .Select(r => new { r.UserId, r.Team }).ToListAsync(ct);
        return [.. drafts.Select(d => new StandoutCapture(
            teams.FirstOrDefault(t => t.UserId == d.AuthorUserId)?.Team, d.CreatedAt.UtcDateTime, d.Published?.UtcDateTime))];
    }

    public Task<IReadOnlyList<CourseCompletion>?> CourseCompletionAsync(DateTime from, DateTime to, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CourseCompletion>?>(null);

    public Task<string?> CourseTitleAsync(int courseId, CancellationToken ct = default) => Task.FromResult<string?>(null);
}
