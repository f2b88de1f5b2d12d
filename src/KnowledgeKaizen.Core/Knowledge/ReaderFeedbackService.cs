namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Reader feedback, case links (reuse) and the editor's autosave slots.</summary>
public sealed class ReaderFeedbackService(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public const int MaxAutosaveLength = Markdown.MarkdownRenderer.MaxSourceLength;

    /// <summary>
    /// Records a helpful / not-helpful vote (one per reader, changeable) or an outdated flag (one open flag
    /// per reader). A not-helpful vote and an outdated flag need a reason; a new one (or a new reason) is an event
    /// the document's verifier hears of.
    /// </summary>
    public async Task RecordAsync(int documentId, string userId, FeedbackKind kind, string? reason, CancellationToken ct = default)
    {
        var document = await db.KnowledgeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || !document.IsVisibleToReaders)
        {
            throw new KnowledgeRuleException("Only published content takes feedback.");
        }

        if (kind != FeedbackKind.Helpful && string.IsNullOrWhiteSpace(reason))
        {
            throw new KnowledgeRuleException("Please give a reason.");
        }

        var now = clock.GetUtcNow();
        var slotKinds = kind == FeedbackKind.Outdated ? [FeedbackKind.Outdated] : new[] { FeedbackKind.Helpful, FeedbackKind.NotHelpful };
        var existing = await db.DocumentFeedback
            .FirstOrDefaultAsync(f => f.DocumentId == documentId && f.UserId == userId && slotKinds.Contains(f.Kind), ct);
        var votesChange = kind != FeedbackKind.Outdated && existing?.Kind != kind;
        var news = existing is null || existing.Kind != kind || existing.Resolved || existing.Reason != DocumentFeedback.Trim(reason);
        if (news && kind == FeedbackKind.Outdated)
        {
            db.Raise(new DocumentFlaggedOutdated(documentId, userId, DocumentFeedback.Trim(reason)!));
        }
        else if (news && kind == FeedbackKind.NotHelpful)
        {
            db.Raise(new DocumentVotedNotHelpful(documentId, userId, DocumentFeedback.Trim(reason)!));
        }

        if (existing is null)
        {
            db.DocumentFeedback.Add(new DocumentFeedback(documentId, userId, kind, reason, now));
        }
        else
        {
            existing.Change(kind, reason, now);
        }

        if (votesChange)
        {
            // The vote balance is part of the document's search ranking: reindex it with the vote.
            ISearchable searchable = document;
            db.SearchOutbox.Add(new SearchOutboxEntry(searchable.SearchDocumentType, searchable.SearchDocumentKey, deleted: false, now));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Open outdated flags and not-helpful reasons, newest first, for authors and managers.</summary>
    public async Task<IReadOnlyList<DocumentFeedback>> ReasonsAsync(int documentId, CancellationToken ct = default) =>
        await db.DocumentFeedback.AsNoTracking()
            .Where(f => f.DocumentId == documentId && f.Reason != null && !f.Resolved)
            .OrderByDescending(f => f.At).Take(50).ToListAsync(ct);

    /// <summary>
    /// Links a service case to a solution article (one click from the case page). Linking twice is a no-op;
    /// the number of linked cases is the article's reuse count. Returns that count.
    /// </summary>
    public async Task<int> LinkCaseAsync(int solutionId, string caseKey, string userId, CancellationToken ct = default)
    {
        caseKey = (caseKey ?? string.Empty).Trim();
        if (caseKey.Length is 0 or > 64)
        {
            throw new KnowledgeRuleException("A case number is required (at most 64 characters).");
        }

        var solution = await db.KnowledgeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == solutionId, ct);
        if (solution is not { Kind: DocumentKind.Solution } || !solution.IsVisibleToReaders)
        {
            throw new KnowledgeRuleException("Cases can only be linked to a published solution article.");
        }

        if (!await db.SolutionCaseLinks.AnyAsync(l => l.DocumentId == solutionId && l.CaseKey == caseKey, ct))
        {
            db.SolutionCaseLinks.Add(new SolutionCaseLink(solutionId, caseKey, userId, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }

        return await db.SolutionCaseLinks.CountAsync(l => l.DocumentId == solutionId, ct);
    }

    /// <summary>Stores the editor's unsaved text in the user's slot for the document (or the new-document slot).</summary>
    public async Task AutosaveAsync(string userId, string slotKey, string title, string body, int? baseVersion, CancellationToken ct = default)
    {
        if ((body ?? string.Empty).Length > MaxAutosaveLength)
        {
            throw new KnowledgeRuleException("The document is longer than {0} characters; split it into smaller documents.", MaxAutosaveLength);
        }

        title = (title ?? string.Empty).Trim();
        title = title.Length > KnowledgeDocument.MaxTitleLength ? title[..KnowledgeDocument.MaxTitleLength] : title;
        var slot = await db.DraftAutosaves.FirstOrDefaultAsync(a => a.UserId == userId && a.SlotKey == slotKey, ct);
        if (slot is null)
        {
            db.DraftAutosaves.Add(new DraftAutosave(userId, slotKey, title, body ?? string.Empty, baseVersion, clock.GetUtcNow()));
        }
        else
        {
            slot.Update(title, body ?? string.Empty, baseVersion, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
    }

    public Task<DraftAutosave?> FindAutosaveAsync(string userId, string slotKey, CancellationToken ct = default) =>
        db.DraftAutosaves.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.SlotKey == slotKey, ct);

    /// <summary>Empties the slot once the text is saved as a revision.</summary>
    public Task DiscardAutosaveAsync(string userId, string slotKey, CancellationToken ct = default) =>
        db.DraftAutosaves.Where(a => a.UserId == userId && a.SlotKey == slotKey).ExecuteDeleteAsync(ct);

    public static string SlotFor(int? documentId, DocumentKind kind) =>
        documentId is { } id ? $"doc-{id}" : $"new-{kind.Code()}";
}
