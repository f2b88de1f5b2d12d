using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// The other loops: a capture request to the rep, an assigned course to the learner, kudos to the receiver, a cycle
/// at its check date to its owner, and a failed or rejected import to whoever started it.
/// </summary>
public sealed class ActivityNotifications(Notifier notifier) :
    IDomainEventHandler<CaptureRequested>,
    IDomainEventHandler<CourseAssigned>,
    IDomainEventHandler<KudosGiven>,
    IDomainEventHandler<CycleCheckDue>,
    IDomainEventHandler<ImportFinished>
{
    /// <summary>The subject is the stage's name; the detail its Chinese name, shown to Chinese readers.</summary>
    public async Task HandleAsync(CaptureRequested e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var stage = await db.SalesStages.AsNoTracking().Where(s => s.Code == e.Stage).Select(s => new { s.Name, s.NameZh }).FirstOrDefaultAsync(ct);
        await notifier.TellAsync(db, [e.RepUserId],
            new NotificationMessage(NotificationKinds.CaptureRequested, stage?.Name ?? e.Stage, Invariant($"/Tasks/Capture/{e.RequestId}"), e.RequestedBy, stage?.NameZh),
            null, ct);
    }

    public async Task HandleAsync(CourseAssigned e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var title = await db.Courses.AsNoTracking().Where(c => c.Id == e.CourseId).Select(c => c.Title).SingleAsync(ct);
        await notifier.TellAsync(db, [e.LearnerUserId],
            new NotificationMessage(NotificationKinds.CourseAssigned, title, Invariant($"/Courses/Learn/{e.CourseId}"), await Notifier.NameAsync(db, e.AssignedByUserId, ct)),
            e.AssignedByUserId, ct);
    }

    public async Task HandleAsync(KudosGiven e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await notifier.TellAsync(db, [e.ToUserId],
            new NotificationMessage(NotificationKinds.KudosReceived, e.Message, "/Recognition", await Notifier.NameOrAsync(db, e.FromUserId, e.FromName, ct)),
            e.FromUserId, ct);

    public async Task HandleAsync(CycleCheckDue e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var cycle = await db.ImprovementCycles.AsNoTracking().Where(c => c.Id == e.CycleId).Select(c => new { c.Title, c.OwnerUserId }).SingleAsync(ct);
        if (cycle.OwnerUserId is null)
        {
            return;
        }

        await notifier.TellAsync(db, [cycle.OwnerUserId],
            new NotificationMessage(NotificationKinds.CycleCheckDue, cycle.Title, Invariant($"/Improvement/Details/{e.CycleId}"),
                Detail: e.CheckDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Key: CheckKey(e.CycleId, e.CheckDate)), null, ct);
    }

    /// <summary>Only imports that applied nothing although they were meant to: failed, or rejected for their problems.</summary>
    public async Task HandleAsync(ImportFinished e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        if (e.Outcome is not (ImportStatus.Failed or ImportStatus.Rejected) || await Notifier.UserIdByEmailAsync(db, e.RequestedBy, ct) is not { } userId)
        {
            return;
        }

        await notifier.TellAsync(db, [userId],
            new NotificationMessage(NotificationKinds.ImportFailed, e.FileName, Invariant($"/Imports/Details/{e.ImportId}"), Detail: e.Message), null, ct);
    }

    /// <summary>The reminder's key: one per cycle and check date.</summary>
    public static string CheckKey(int cycleId, DateTime checkDate) => Invariant($"cycle-check:{cycleId}:{checkDate:yyyy-MM-dd}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
