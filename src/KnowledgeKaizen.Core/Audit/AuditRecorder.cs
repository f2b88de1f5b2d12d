using KnowledgeKaizen.Core.Backups;
using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Core.Audit;

/// <summary>
/// Turns the events worth an audit entry into entries, inside the save that raised them: the entry commits with the
/// change or not at all. An event that names no actor is put down to the request's user (see <see cref="IRequestOrigin"/>).
/// </summary>
internal sealed class AuditRecorder(IRequestOrigin origin) :
    IDomainEventHandler<UserSignedIn>, IDomainEventHandler<SignInFailed>, IDomainEventHandler<UserInvited>,
    IDomainEventHandler<UserRolesChanged>, IDomainEventHandler<UserLockChanged>, IDomainEventHandler<UserSessionsEnded>,
    IDomainEventHandler<ApiTokenCreated>, IDomainEventHandler<ApiTokenRevoked>,
    IDomainEventHandler<DocumentApproved>, IDomainEventHandler<DocumentReturned>, IDomainEventHandler<DocumentStandardised>,
    IDomainEventHandler<DocumentArchived>, IDomainEventHandler<DocumentRevisionRestored>,
    IDomainEventHandler<ImportFinished>, IDomainEventHandler<DataExported>, IDomainEventHandler<CourseContentRemoved>,
    IDomainEventHandler<BackupCreated>, IDomainEventHandler<BackupRestored>
{
    public Task HandleAsync(UserSignedIn e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.SignedIn, e.UserId, e.Name, e.Name, null, ct);

    public Task HandleAsync(SignInFailed e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.SignInFailed, null, e.Email, e.Email, e.Reason, ct);

    public Task HandleAsync(UserInvited e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.Invited, e.ByUserId, null, e.Email, string.Join(", ", e.Roles), ct);

    public Task HandleAsync(UserRolesChanged e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.RolesChanged, e.ByUserId, null, e.Email, string.Join(", ", e.Roles), ct);

    public Task HandleAsync(UserLockChanged e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, e.Locked ? AuditActions.Locked : AuditActions.Unlocked, e.ByUserId, null, e.Email, null, ct);

    public Task HandleAsync(UserSessionsEnded e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.SessionsEnded, e.ByUserId, null, e.Email, null, ct);

    public Task HandleAsync(ApiTokenCreated e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.TokenCreated, null, e.CreatedBy, $"token:{e.Name}", null, ct);

    public Task HandleAsync(ApiTokenRevoked e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.TokenRevoked, null, null, $"token:{e.Name}", null, ct);

    public async Task HandleAsync(DocumentApproved e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await AddAsync(db, AuditActions.DocumentApproved, e.ByUserId, e.ByName, await DocumentAsync(db, e.DocumentId, ct), $"revision {e.Revision}" + Note(e.Comment), ct);

    public async Task HandleAsync(DocumentReturned e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await AddAsync(db, AuditActions.DocumentReturned, e.ByUserId, e.ByName, await DocumentAsync(db, e.DocumentId, ct), $"revision {e.Revision}" + Note(e.Comment), ct);

    public async Task HandleAsync(DocumentStandardised e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await AddAsync(db, AuditActions.DocumentStandardised, e.ByUserId, e.ByName, await DocumentAsync(db, e.DocumentId, ct),
            "into " + await DocumentAsync(db, e.ProcedureId, ct), ct);

    public async Task HandleAsync(DocumentArchived e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await AddAsync(db, AuditActions.DocumentArchived, e.ByUserId, e.ByName, await DocumentAsync(db, e.DocumentId, ct), null, ct);

    public async Task HandleAsync(DocumentRevisionRestored e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await AddAsync(db, AuditActions.DocumentRestored, e.ByUserId, e.ByName, await DocumentAsync(db, e.DocumentId, ct),
            $"revision {e.From} as revision {e.Revision}", ct);

    public Task HandleAsync(ImportFinished e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.ImportFinished, null, e.RequestedBy, e.FileName, $"{e.Outcome}" + Note(e.Message), ct);

    public Task HandleAsync(DataExported e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.Exported, null, null, e.What, null, ct);

    public Task HandleAsync(CourseContentRemoved e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.Removed, null, null, $"course #{e.CourseId}", e.What, ct);

    public Task HandleAsync(BackupCreated e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.BackupCreated, null, e.RequestedBy, e.FileName, string.Create(CultureInfo.InvariantCulture, $"{e.Bytes:N0} bytes"), ct);

    public Task HandleAsync(BackupRestored e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        AddAsync(db, AuditActions.BackupRestored, null, e.RestoredBy, e.FileName, string.Create(CultureInfo.InvariantCulture, $"taken {e.TakenAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"), ct);

    /// <summary>
    /// Adds the entry. The actor is the account <paramref name="actorUserId"/> names, else <paramref name="actorName"/>,
    /// else the request's user; outside any request, "system".
    /// </summary>
    private async Task AddAsync(KnowledgeKaizenDbContext db, string action, string? actorUserId, string? actorName, string target, string? detail, CancellationToken ct)
    {
        var userId = actorUserId ?? (actorName is null ? origin.UserId : null);
        var name = actorName
            ?? (userId is null ? null : (await db.Users.FindAsync([userId], ct))?.Name)
            ?? origin.UserName
            ?? "system";
        db.AuditEntries.Add(new AuditEntry(db.Clock.GetUtcNow(), action, userId, name, target, detail, origin.ClientAddress));
    }

    private static async Task<string> DocumentAsync(KnowledgeKaizenDbContext db, int id, CancellationToken ct) =>
        await db.KnowledgeDocuments.FindAsync([id], ct) is { } document ? $"{document.Kind} #{id} {document.Title}" : $"document #{id}";

    private static string Note(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : ": " + text.Trim();
}
