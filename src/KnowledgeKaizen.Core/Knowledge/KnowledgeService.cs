namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// Authoring and the review lifecycle. Each method loads the aggregate, calls one intent-revealing method on
/// it and saves; the entity enforces the rules, the service adds permissions and concurrency.
/// </summary>
public sealed class KnowledgeService(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    /// <summary>Loads a document with its revisions and review comments if the actor may read it.</summary>
    public async Task<KnowledgeDocument?> FindAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var document = await LoadAsync(id, ct);
        return document is not null && document.CanRead(actor) ? document : null;
    }

    /// <summary>Creates a draft; the slug comes from the title unless given, and is made unique.</summary>
    public async Task<KnowledgeDocument> CreateAsync(DocumentKind kind, string language, string? slug, string title, string body,
        DocumentMetadata metadata, Actor author, CancellationToken ct = default)
    {
        var baseSlug = string.IsNullOrWhiteSpace(slug) ? Slugify(title, kind, Now) : KnowledgeDocument.ValidSlug(slug);
        var unique = baseSlug;
        for (var n = 2; await db.KnowledgeDocuments.AnyAsync(d => d.Kind == kind && d.Language == language && d.Slug == unique, ct); n++)
        {
            unique = $"{baseSlug}-{n}";
        }

        var document = KnowledgeDocument.CreateDraft(kind, unique, language, title, body, metadata, author, Now);
        db.KnowledgeDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>
    /// Starts a playbook draft from the template, pre-filled with the capture request's evidence. Used by
    /// capture requests; the author then finishes it in the editor.
    /// </summary>
    public async Task<KnowledgeDocument> CreatePlaybookDraftAsync(string authorUserId, string title, string stage,
        IReadOnlyList<string> improves, string? evidenceMarkdown, string language = "en", CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == authorUserId, ct)
            ?? throw new KnowledgeRuleException("The author does not exist.");
        // The template ends with its Evidence section: the evidence goes there, once, without notes addressed to the author.
        var body = DocumentTemplates.For(DocumentKind.Playbook, language);
        if (EvidenceText.ForBody(evidenceMarkdown) is { Length: > 0 } evidence)
        {
            body = body.TrimEnd() + "\n\n" + evidence + "\n";
        }

        var metadata = new DocumentMetadata { Stages = [stage], Improves = improves };
        var document = await CreateAsync(DocumentKind.Playbook, language, null, title, body, metadata,
            new Actor(user.Id, user.Name, false), ct);
        document.AttachEvidence(evidenceMarkdown);
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>
    /// Saves an edit as a new revision. <paramref name="expectedVersion"/> is the version the editor opened;
    /// if someone saved in between, nothing is written and the outcome carries their revision.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(int id, int expectedVersion, string title, string body, DocumentMetadata metadata,
        string? changeNote, Actor editor, CancellationToken ct = default)
    {
        var document = await LoadAsync(id, ct);
        if (document is null)
        {
            return new SaveOutcome(SaveStatus.NotFound);
        }

        if (!document.CanEdit(editor))
        {
            return new SaveOutcome(SaveStatus.Forbidden, document);
        }

        if (document.Version != expectedVersion)
        {
            return new SaveOutcome(SaveStatus.Conflict, document, document.CurrentRevision);
        }

        try
        {
            document.Edit(title, body, metadata, changeNote, editor, Now);
            await db.SaveChangesAsync(ct);
            return new SaveOutcome(SaveStatus.Saved, document);
        }
        catch (KnowledgeRuleException rule)
        {
            return new SaveOutcome(SaveStatus.Invalid, document, Error: rule);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request saved between our read and our write: report it like any other conflict.
            db.ChangeTracker.Clear();
            var theirs = await LoadAsync(id, ct);
            return new SaveOutcome(SaveStatus.Conflict, theirs, theirs?.CurrentRevision);
        }
    }

    public Task SubmitAsync(int id, Actor author, CancellationToken ct = default) =>
        ChangeAsync(id, d => d.SubmitForReview(author, Now), ct);

    /// <summary>
    /// Publishes <paramref name="reviewedRevision"/>, the revision the reviewer read, if it is still the one under review;
    /// for procedures <paramref name="effective"/> (default today) is when the revision takes effect.
    /// </summary>
    public Task ApproveAsync(int id, int reviewedRevision, string? comment, DateOnly? effective, Actor reviewer, CancellationToken ct = default) =>
        ChangeAsync(id, d => d.Approve(reviewer, reviewedRevision, comment, effective ?? Today, Now), ct);

    /// <summary>Returns <paramref name="reviewedRevision"/> to its author, if it is still the one under review.</summary>
    public Task ReturnAsync(int id, int reviewedRevision, string comment, Actor reviewer, CancellationToken ct = default) =>
        ChangeAsync(id, d => d.ReturnToAuthor(reviewer, reviewedRevision, comment, Now), ct);

    public Task ArchiveAsync(int id, Actor manager, CancellationToken ct = default) =>
        ChangeAsync(id, d => d.Archive(manager, Now), ct);

    /// <summary>Confirms the content, sets the next verify-by date and closes the open outdated flags.</summary>
    public async Task VerifyAsync(int id, Actor verifier, CancellationToken ct = default)
    {
        await ChangeAsync(id, d => d.Verify(verifier, Now), ct);
        var flags = await db.DocumentFeedback.Where(f => f.DocumentId == id && f.Kind == FeedbackKind.Outdated && !f.Resolved).ToListAsync(ct);
        flags.ForEach(f => f.Resolve());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Copies an old revision's text into a new revision (a new draft of the document).</summary>
    public Task RestoreAsync(int id, int revisionNumber, Actor editor, CancellationToken ct = default) =>
        ChangeAsync(id, d =>
        {
            if (!d.CanEdit(editor))
            {
                throw new KnowledgeRuleException("Only the author or a knowledge manager can change this document.");
            }

            d.Restore(revisionNumber, editor, Now);
        }, ct);

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    internal Task<KnowledgeDocument?> LoadAsync(int id, CancellationToken ct) =>
        db.KnowledgeDocuments.Include(d => d.Revisions).Include(d => d.ReviewComments).AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, ct);

    private async Task ChangeAsync(int id, Action<KnowledgeDocument> change, CancellationToken ct)
    {
        var document = await LoadAsync(id, ct) ?? throw new KnowledgeRuleException("The document does not exist.");
        change(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new KnowledgeRuleException("Someone else changed this document at the same time. Reload and try again.");
        }
    }

    /// <summary>ASCII words of the title joined by hyphens; titles without any (e.g. Chinese) get a dated slug.</summary>
    internal static string Slugify(string title, DocumentKind kind, DateTimeOffset now)
    {
        var builder = new StringBuilder();
        foreach (var c in (title ?? string.Empty).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '.')
            {
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
        }

        return slug.Length > 0 ? slug : $"{kind.Code()}-{now:yyyyMMddHHmmss}";
    }
}
