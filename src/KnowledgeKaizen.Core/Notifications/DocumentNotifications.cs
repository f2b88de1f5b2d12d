namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// The review loop and reader feedback, told to the people who act on them: a submission to the reviewers; approval,
/// return and standardisation to the author; an outdated flag, a not-helpful vote and a due verification to the
/// document's verifier (the KnowledgeManagers when the verifier has no account).
/// </summary>
public sealed class DocumentNotifications(Notifier notifier) :
    IDomainEventHandler<DocumentSubmittedForReview>,
    IDomainEventHandler<DocumentApproved>,
    IDomainEventHandler<DocumentReturned>,
    IDomainEventHandler<DocumentStandardised>,
    IDomainEventHandler<DocumentFlaggedOutdated>,
    IDomainEventHandler<DocumentVotedNotHelpful>,
    IDomainEventHandler<DocumentVerificationDue>
{
    public async Task HandleAsync(DocumentSubmittedForReview e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var document = await DocumentAsync(db, e.DocumentId, ct);
        await notifier.TellAsync(db, await Notifier.KnowledgeManagersAsync(db, ct),
            new NotificationMessage(NotificationKinds.SubmittedForReview, document.Title, Link(e.DocumentId), await Notifier.NameOrAsync(db, e.ByUserId, e.ByName, ct)), e.ByUserId, ct);
    }

    public async Task HandleAsync(DocumentApproved e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var document = await DocumentAsync(db, e.DocumentId, ct);
        await notifier.TellAsync(db, [document.AuthorUserId!],
            new NotificationMessage(NotificationKinds.Approved, document.Title, Link(e.DocumentId), await Notifier.NameOrAsync(db, e.ByUserId, e.ByName, ct), e.Comment), e.ByUserId, ct);
    }

    public async Task HandleAsync(DocumentReturned e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var document = await DocumentAsync(db, e.DocumentId, ct);
        await notifier.TellAsync(db, [document.AuthorUserId!],
            new NotificationMessage(NotificationKinds.Returned, document.Title, Link(e.DocumentId), await Notifier.NameOrAsync(db, e.ByUserId, e.ByName, ct), e.Comment), e.ByUserId, ct);
    }

    public async Task HandleAsync(DocumentStandardised e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var playbook = await DocumentAsync(db, e.DocumentId, ct);
        var procedure = await DocumentAsync(db, e.ProcedureId, ct);
        await notifier.TellAsync(db, [playbook.AuthorUserId!],
            new NotificationMessage(NotificationKinds.Standardised, playbook.Title, Link(e.ProcedureId), await Notifier.NameOrAsync(db, e.ByUserId, e.ByName, ct), procedure.Title), e.ByUserId, ct);
    }

    public async Task HandleAsync(DocumentFlaggedOutdated e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await TellVerifierAsync(db, e.DocumentId, NotificationKinds.FlaggedOutdated, e.ByUserId, e.Reason, ct);

    public async Task HandleAsync(DocumentVotedNotHelpful e, KnowledgeKaizenDbContext db, CancellationToken ct) =>
        await TellVerifierAsync(db, e.DocumentId, NotificationKinds.VotedNotHelpful, e.ByUserId, e.Reason, ct);

    public async Task HandleAsync(DocumentVerificationDue e, KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var document = await DocumentAsync(db, e.DocumentId, ct);
        var due = e.VerifyBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await notifier.TellAsync(db, await VerifiersAsync(db, document.VerifierUserId, ct),
            new NotificationMessage(NotificationKinds.VerificationDue, document.Title, Link(e.DocumentId), Detail: due,
                Key: VerificationKey(e.DocumentId, e.VerifyBy)), null, ct);
    }

    /// <summary>The reminder's key: one per document and due date.</summary>
    public static string VerificationKey(int documentId, DateOnly verifyBy) =>
        string.Create(CultureInfo.InvariantCulture, $"verification-due:{documentId}:{verifyBy:yyyy-MM-dd}");

    private async Task TellVerifierAsync(KnowledgeKaizenDbContext db, int documentId, string kind, string byUserId, string reason, CancellationToken ct)
    {
        var document = await DocumentAsync(db, documentId, ct);
        var name = await Notifier.NameAsync(db, byUserId, ct);
        await notifier.TellAsync(db, await VerifiersAsync(db, document.VerifierUserId, ct),
            new NotificationMessage(kind, document.Title, Link(documentId), name, reason), byUserId, ct);
    }

    private static async Task<IReadOnlyList<string>> VerifiersAsync(KnowledgeKaizenDbContext db, string? verifierUserId, CancellationToken ct) =>
        verifierUserId is not null && await db.Users.AnyAsync(u => u.Id == verifierUserId, ct)
            ? [verifierUserId]
            : await Notifier.KnowledgeManagersAsync(db, ct);

    private static async Task<(string Title, string? AuthorUserId, string? VerifierUserId)> DocumentAsync(KnowledgeKaizenDbContext db, int id, CancellationToken ct)
    {
        var document = await db.KnowledgeDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Title, d.AuthorUserId, d.VerifierUserId }).SingleAsync(ct);
        return (document.Title, document.AuthorUserId, document.VerifierUserId);
    }

    private static string Link(int documentId) => string.Create(CultureInfo.InvariantCulture, $"/Knowledge/Details/{documentId}");
}
