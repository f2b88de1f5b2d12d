using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Core.Overview;

/// <summary>
/// The home page and My work: each list is one small query over the modules' tables, limited to a few rows, so the
/// pages people open first stay fast on a large library.
/// </summary>
public sealed class WorkOverview(KnowledgeKaizenDbContext db, CaptureRequestService captures, TimeProvider clock)
{
    private const int Few = 5;
    private const int Many = 50;

    public async Task<HomeOverview> HomeAsync(string userId, bool contributor, bool trainer, bool manager, CancellationToken ct = default)
    {
        var stages = await MyStagesAsync(userId, ct);
        var playbooks = Readable().Where(d => d.Kind == DocumentKind.Playbook);
        if (stages.Count > 0)
        {
            var codes = stages.Select(s => s.Code).ToList();
            playbooks = playbooks.Where(d => d.Stages.Any(s => codes.Contains(s)));
        }

        var newest = await Links(playbooks.OrderByDescending(d => d.CreatedAt).Take(Few), ct);
        var helpfulIds = await db.DocumentFeedback.Where(f => f.Kind == FeedbackKind.Helpful && playbooks.Any(d => d.Id == f.DocumentId))
            .GroupBy(f => f.DocumentId).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(Few).ToListAsync(ct);
        var helpful = (await Links(Readable().Where(d => helpfulIds.Contains(d.Id)), ct)).OrderBy(l => helpfulIds.IndexOf(IdOf(l))).ToList();

        return new HomeOverview(
            await RecentlyViewedAsync(userId, ct),
            [.. stages.Select(s => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && s.NameZh is { } zh ? zh : s.Name)],
            newest,
            helpful,
            [.. (await CoursesAsync(userId, ct)).Where(c => !c.Completed).Take(Few)],
            await TasksAsync(userId, ct),
            contributor ? await Links(Own(userId).Where(d => d.Status == DocumentStatus.Draft).OrderByDescending(d => d.UpdatedAt).Take(Few), ct) : null,
            contributor ? [.. (await ReturnedAsync(userId, ct)).Take(Few)] : null,
            manager ? await ManagerFiguresAsync(ct) : null,
            trainer ? await ChangedPinsAsync(ct) : null);
    }

    public async Task<MyWorkOverview> MyWorkAsync(string userId, CancellationToken ct = default)
    {
        var flags = await db.DocumentFeedback.AsNoTracking().Where(f => f.UserId == userId && f.Kind == FeedbackKind.Outdated)
            .OrderByDescending(f => f.At).Take(Many)
            .Join(db.KnowledgeDocuments, f => f.DocumentId, d => d.Id, (f, d) => new { d.Id, d.Title, d.Language, f.Reason, f.At, f.Resolved })
            .ToListAsync(ct);
        var votes = await db.DocumentFeedback.AsNoTracking().Where(f => f.UserId == userId && f.Kind != FeedbackKind.Outdated)
            .OrderByDescending(f => f.At).Take(Many)
            .Join(db.KnowledgeDocuments, f => f.DocumentId, d => d.Id, (f, d) => new { d.Id, d.Title, d.Language, f.Reason, f.At, f.Kind })
            .ToListAsync(ct);
        var requests = await db.CaptureRequests.AsNoTracking().Where(c => c.RepUserId == userId).OrderByDescending(c => c.Id).Take(Many)
            .Select(c => new { c.Id, c.Stage, c.Status, c.RequestedAt, c.PlaybookId }).ToListAsync(ct);
        var stageNames = await StageNamesAsync(ct);

        return new MyWorkOverview(
            await Links(Own(userId).Where(d => d.Status == DocumentStatus.Draft).OrderByDescending(d => d.UpdatedAt).Take(Many), ct),
            await Links(Own(userId).Where(d => d.Status == DocumentStatus.InReview).OrderByDescending(d => d.UpdatedAt).Take(Many), ct),
            await Links(Own(userId).Where(d => d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived).OrderByDescending(d => d.UpdatedAt).Take(Many), ct),
            await ReturnedAsync(userId, ct),
            [.. flags.Select(f => new WorkLink(f.Title, DocumentLink(f.Id), f.Reason, f.At, f.Language))],
            [.. votes.Select(v => (new WorkLink(v.Title, DocumentLink(v.Id), v.Reason, v.At, v.Language), v.Kind == FeedbackKind.Helpful))],
            await CoursesAsync(userId, ct),
            [.. requests.Select(r => (new WorkLink(stageNames.GetValueOrDefault(r.Stage, r.Stage), Invariant($"/Tasks/Capture/{r.Id}"), At: r.RequestedAt), r.Status))]);
    }

    /// <summary>The stages the user's sales rep works in (through the rep linked to the account, or with its e-mail).</summary>
    private async Task<IReadOnlyList<(string Code, string Name, string? NameZh)>> MyStagesAsync(string userId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
        var repId = await db.Reps.Where(r => r.UserId == userId || (email != null && r.Email != null && r.Email.ToUpper() == email))
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (repId is null)
        {
            return [];
        }

        var stageIds = await db.StageHistory.Where(h => h.RepId == repId).Select(h => h.StageId).Distinct().ToListAsync(ct);
        var stages = await db.SalesStages.AsNoTracking().Where(s => stageIds.Contains(s.Id)).OrderBy(s => s.Position)
            .Select(s => new { s.Code, s.Name, s.NameZh }).ToListAsync(ct);
        return [.. stages.Select(s => (s.Code, s.Name, s.NameZh))];
    }

    private async Task<IReadOnlyList<WorkLink>> RecentlyViewedAsync(string userId, CancellationToken ct)
    {
        var viewed = await db.DocumentViews.Where(v => v.UserId == userId).GroupBy(v => v.DocumentId)
            .Select(g => new { DocumentId = g.Key, Last = g.Max(v => v.Day) }).OrderByDescending(v => v.Last).Take(Few).ToListAsync(ct);
        var ids = viewed.Select(v => v.DocumentId).ToList();
        var links = await Links(Readable().Where(d => ids.Contains(d.Id)), ct);
        return [.. links.OrderBy(l => ids.IndexOf(IdOf(l)))];
    }

    private async Task<IReadOnlyList<CourseStep>> CoursesAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.LearnerUserId == userId)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { e.CourseId, c.Title, e.CompletedModuleIds, Modules = c.Modules.Count, e.Score, e.CompletedAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CourseStep(r.CourseId, r.Title, r.CompletedModuleIds.Length, r.Modules, r.Score, r.CompletedAt is not null))
            .OrderBy(c => c.Completed).ThenBy(c => c.Title, StringComparer.CurrentCulture)];
    }

    private async Task<IReadOnlyList<TaskLink>> TasksAsync(string userId, CancellationToken ct)
    {
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.UserId == userId && t.DoneAt == null).OrderByDescending(t => t.Id).Take(Few).ToListAsync(ct);
        var stages = await captures.StagesOfTasksAsync(tasks, ct);
        return [.. tasks.Select(t => new TaskLink(new WorkLink(t.Title, t.Link, At: t.CreatedAt), t.Kind, stages.GetValueOrDefault(t.Id)))];
    }

    /// <summary>The user's documents whose latest review sent the current revision back, with the reviewer's comment.</summary>
    private async Task<IReadOnlyList<WorkLink>> ReturnedAsync(string userId, CancellationToken ct)
    {
        var documents = await Own(userId).Where(d => d.Status == DocumentStatus.Draft || d.Status == DocumentStatus.Published)
            .Select(d => new { d.Id, d.Title, d.Language, d.CurrentRevisionNumber }).ToListAsync(ct);
        var ids = documents.Select(d => d.Id).ToList();
        var latest = (await db.Set<ReviewComment>().AsNoTracking().Where(c => ids.Contains(c.DocumentId)).ToListAsync(ct))
            .GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.At)!);
        return [.. documents
            .Where(d => latest.TryGetValue(d.Id, out var c) && !c.Approved && c.RevisionNumber == d.CurrentRevisionNumber)
            .Select(d => (Document: d, Comment: latest[d.Id]))
            .OrderByDescending(r => r.Comment.At)
            .Select(r => new WorkLink(r.Document.Title, DocumentLink(r.Document.Id), $"{r.Comment.ReviewerName}: {r.Comment.Comment}", r.Comment.At, r.Document.Language))];
    }

    private async Task<ManagerFigures> ManagerFiguresAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var inReview = await db.KnowledgeDocuments.CountAsync(d => d.Status == DocumentStatus.InReview, ct);
        var openFlags = db.DocumentFeedback.Where(f => f.Kind == FeedbackKind.Outdated && !f.Resolved);
        var flaggedCount = await openFlags.Select(f => f.DocumentId).Distinct().CountAsync(ct);
        var flags = await openFlags.OrderByDescending(f => f.At).Take(Many)
            .Join(Readable(), f => f.DocumentId, d => d.Id, (f, d) => new { d.Id, d.Title, d.Language, f.Reason, f.At }).ToListAsync(ct);
        var flagged = flags.DistinctBy(f => f.Id).Take(Few).Select(f => new WorkLink(f.Title, DocumentLink(f.Id), f.Reason, f.At, f.Language)).ToList();
        var overdue = await Readable().CountAsync(d => d.VerifyBy != null && d.VerifyBy < today, ct);
        var cycles = await db.ImprovementCycles.AsNoTracking().Where(c => c.Phase == CyclePhase.Do && c.CheckDate <= now.UtcDateTime)
            .OrderBy(c => c.CheckDate).Take(Few).Select(c => new { c.Id, c.Title, c.CheckDate }).ToListAsync(ct);
        var snapshot = await db.FindingSnapshots.OrderByDescending(s => s.Id).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        var standouts = snapshot is null ? 0 : await db.PerformerFindings
            .Where(f => f.SnapshotId == snapshot && f.Class == FindingClass.Standout)
            .CountAsync(f => !db.CaptureRequests.Any(c => c.RepId == f.RepId && c.Stage == f.Stage && c.Status != CaptureRequestStatus.Declined), ct);
        return new ManagerFigures(inReview, flagged, flaggedCount, overdue,
            [.. cycles.Select(c => new WorkLink(c.Title, Invariant($"/Improvement/Details/{c.Id}"), At: new DateTimeOffset(DateTime.SpecifyKind(c.CheckDate, DateTimeKind.Utc))))],
            standouts);
    }

    /// <summary>Courses with a module whose document has a newer published revision than the pin (and than any kept one).</summary>
    private async Task<IReadOnlyList<WorkLink>> ChangedPinsAsync(CancellationToken ct)
    {
        var rows = await db.Courses.AsNoTracking().SelectMany(c => c.Modules, (c, m) => new { c.Id, c.Title, m.DocumentId, m.PinnedRevision, m.KeptRevision })
            .Join(db.KnowledgeDocuments.Where(d => d.Status != DocumentStatus.Archived), m => m.DocumentId, d => d.Id,
                (m, d) => new { m.Id, m.Title, m.PinnedRevision, m.KeptRevision, d.PublishedRevisionNumber })
            .Where(r => r.PublishedRevisionNumber > r.PinnedRevision && r.PublishedRevisionNumber > (r.KeptRevision ?? 0))
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.Id, r.Title)).OrderBy(g => g.Key.Title, StringComparer.CurrentCulture).Take(Few)
            .Select(g => new WorkLink(g.Key.Title, Invariant($"/Courses/Edit/{g.Key.Id}"), g.Count().ToString(CultureInfo.InvariantCulture)))];
    }

    private async Task<Dictionary<string, string>> StageNamesAsync(CancellationToken ct)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var stages = await db.SalesStages.AsNoTracking().Select(s => new { s.Code, s.Name, s.NameZh }).ToListAsync(ct);
        return stages.ToDictionary(s => s.Code, s => chinese && s.NameZh is { } zh ? zh : s.Name, StringComparer.Ordinal);
    }

    private IQueryable<KnowledgeDocument> Readable() =>
        db.KnowledgeDocuments.AsNoTracking().Where(d => d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived);

    private IQueryable<KnowledgeDocument> Own(string userId) => db.KnowledgeDocuments.AsNoTracking().Where(d => d.AuthorUserId == userId);

    private static async Task<IReadOnlyList<WorkLink>> Links(IQueryable<KnowledgeDocument> documents, CancellationToken ct) =>
        [.. (await documents.Select(d => new { d.Id, d.Title, d.UpdatedAt, d.Language }).ToListAsync(ct))
            .Select(d => new WorkLink(d.Title, DocumentLink(d.Id), At: d.UpdatedAt, Language: d.Language))];

    private static int IdOf(WorkLink link) => int.Parse(link.Link[(link.Link.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    private static string DocumentLink(int id) => Invariant($"/Knowledge/Details/{id}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
