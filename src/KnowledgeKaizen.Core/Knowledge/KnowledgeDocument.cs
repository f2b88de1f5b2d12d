using KnowledgeKaizen.Core.Markdown;

namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// A procedure, playbook or solution in one language, with its revisions and review history. The text
/// readers see is the latest approved revision in force; authors keep editing newer revisions beside it,
/// so a procedure's next revision can be drafted while the current one stays in force.
/// </summary>
public partial class KnowledgeDocument : ISearchable, IRaisesEvents
{
    public const int DefaultReviewIntervalDays = 180;
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 1000;

    private readonly List<DocumentRevision> revisions = [];
    private readonly List<ReviewComment> reviewComments = [];
    private readonly List<IDomainEvent> events = [];

    private KnowledgeDocument()
    {
        Slug = string.Empty;
        Language = string.Empty;
        Title = string.Empty;
        Summary = string.Empty;
        AuthorName = string.Empty;
    }

    public int Id { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary>Identifier shared by the language versions; unique per kind and language.</summary>
    public string Slug { get; private set; }

    /// <summary>"en" or "zh".</summary>
    public string Language { get; private set; }

    public string Title { get; private set; }

    public string Summary { get; private set; }

    public string[] Tags { get; private set; } = [];

    public string[] Stages { get; private set; } = [];

    public DocumentStatus Status { get; private set; }

    /// <summary>The author's user id; null for an imported author without an account.</summary>
    public string? AuthorUserId { get; private set; }

    /// <summary>Display name, or the e-mail from content/ when no account matches.</summary>
    public string AuthorName { get; private set; }

    public string? Owner { get; private set; }

    public int ReviewIntervalDays { get; private set; } = DefaultReviewIntervalDays;

    public string[] Improves { get; private set; } = [];

    /// <summary>Playbooks drafted from a capture request: the evidence that prompted them.</summary>
    public string? EvidenceSnapshot { get; private set; }

    public string? Issue { get; private set; }

    public string? Environment { get; private set; }

    public string? Cause { get; private set; }

    public string? VerifierUserId { get; private set; }

    public string? VerifierName { get; private set; }

    /// <summary>Date by which the content must be checked again; overdue after it.</summary>
    public DateOnly? VerifyBy { get; private set; }

    public DateTimeOffset? LastVerifiedAt { get; private set; }

    /// <summary>Latest saved revision.</summary>
    public int CurrentRevisionNumber { get; private set; }

    /// <summary>Latest approved revision (it may take effect later); null if never approved.</summary>
    public int? PublishedRevisionNumber { get; private set; }

    /// <summary>Playbooks: the procedure this practice was merged into.</summary>
    public int? StandardisedIntoId { get; private set; }

    /// <summary>SHA-256 of the content/ file this document was last imported from.</summary>
    public string? SourceHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DocumentRevision> Revisions => revisions;

    public IReadOnlyList<ReviewComment> ReviewComments => reviewComments;

    string ISearchable.SearchDocumentType => Kind.Code();

    string ISearchable.SearchDocumentKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Readers (Staff) may see it: approved once and not archived.</summary>
    public bool IsVisibleToReaders => PublishedRevisionNumber is not null && Status != DocumentStatus.Archived;

    /// <summary>Saved revisions newer than what readers see.</summary>
    public bool HasPendingChanges => PublishedRevisionNumber is null || CurrentRevisionNumber > PublishedRevisionNumber;

    public bool IsOverdue(DateOnly today) => IsVisibleToReaders && VerifyBy is { } due && due < today;

    /// <summary>Starts a new draft with its first revision.</summary>
    public static KnowledgeDocument CreateDraft(DocumentKind kind, string slug, string language, string title, string body,
        DocumentMetadata metadata, Actor author, DateTimeOffset now, string? authorNameOverride = null)
    {
        var document = new KnowledgeDocument
        {
            Kind = kind,
            Slug = ValidSlug(slug),
            Language = ValidLanguage(language),
            Status = DocumentStatus.Draft,
            AuthorUserId = author.UserId,
            AuthorName = authorNameOverride ?? author.Name,
            CreatedAt = now,
        };
        document.ApplyMetadata(metadata);
        document.AddRevision(title, body, author, author == Actor.Importer ? ImportNote : CreatedNote, now);
        return document;
    }

    /// <summary>Sets the capture-request evidence a playbook draft was started from.</summary>
    public void AttachEvidence(string? evidenceMarkdown)
    {
        RequireKind(DocumentKind.Playbook);
        EvidenceSnapshot = string.IsNullOrWhiteSpace(evidenceMarkdown) ? null : evidenceMarkdown;
        Touch(UpdatedAt);
    }

    /// <summary>
    /// Saves the editor's text as a new revision (every save is one) and the edited metadata. A document in review
    /// leaves the review: the reviewers saw the text as it was, so the new revision must be submitted again.
    /// </summary>
    public DocumentRevision Edit(string title, string body, DocumentMetadata metadata, string? changeNote, Actor editor, DateTimeOffset now)
    {
        if (Status is DocumentStatus.Archived or DocumentStatus.Standardised)
        {
            throw new KnowledgeRuleException("An archived or standardised document cannot be edited.");
        }

        ApplyMetadata(metadata);
        var revision = AddRevision(title, body, editor, changeNote, now);
        LeaveReview();
        return revision;
    }

    /// <summary>Puts an old revision's text back as a new revision; history is never rewritten.</summary>
    public DocumentRevision Restore(int revisionNumber, Actor editor, DateTimeOffset now)
    {
        var old = Revision(revisionNumber) ?? throw new KnowledgeRuleException("Revision {0} does not exist.", revisionNumber);
        if (Status is DocumentStatus.Archived or DocumentStatus.Standardised)
        {
            throw new KnowledgeRuleException("An archived or standardised document cannot be edited.");
        }

        var revision = AddRevision(old.Title, old.Body, editor, string.Format(System.Globalization.CultureInfo.InvariantCulture, RestoredNote, revisionNumber), now);
        LeaveReview();
        events.Add(new DocumentRevisionRestored(Id, revisionNumber, revision.Number, editor.UserId, editor.Name));
        return revision;
    }

    public DocumentRevision? Revision(int number) => revisions.FirstOrDefault(r => r.Number == number);

    public DocumentRevision CurrentRevision => Revision(CurrentRevisionNumber)!;

    /// <summary>The revision readers see today: the latest approved one already in effect.</summary>
    public DocumentRevision? RevisionInForce(DateOnly today) =>
        revisions.Where(r => r.EffectiveDate is { } d && d <= today).MaxBy(r => r.Number);

    /// <summary>Hands the current revision to the KnowledgeManagers.</summary>
    public void SubmitForReview(Actor author, DateTimeOffset now)
    {
        if (!CanEdit(author))
        {
            throw new KnowledgeRuleException("Only the author or a knowledge manager can submit this document.");
        }

        if (Status is not (DocumentStatus.Draft or DocumentStatus.Published) || !HasPendingChanges)
        {
            throw new KnowledgeRuleException("Only a draft or unpublished changes can be submitted for review.");
        }

        if (string.IsNullOrWhiteSpace(CurrentRevision.Body))
        {
            throw new KnowledgeRuleException("An empty document cannot be submitted.");
        }

        Status = DocumentStatus.InReview;
        Touch(now);
        events.Add(new DocumentSubmittedForReview(Id, CurrentRevisionNumber, author.UserId, author.Name));
    }

    /// <summary>
    /// Publishes the revision under review; a procedure revision takes effect on its date. <paramref name="reviewedRevision"/>
    /// is the revision the reviewer read: if the author saved a newer one since, nothing is published, so an approval
    /// never covers text the reviewer has not seen.
    /// </summary>
    public void Approve(Actor reviewer, int reviewedRevision, string? comment, DateOnly effective, DateTimeOffset now)
    {
        RequireManager(reviewer);
        RequireUnderReview(reviewedRevision, "Only a document in review can be approved.");
        var note = string.IsNullOrWhiteSpace(comment) ? string.Empty : comment.Trim();
        reviewComments.Add(new ReviewComment(CurrentRevisionNumber, reviewer.UserId ?? string.Empty, reviewer.Name, true, note, now));
        PublishCurrent(reviewer, Kind == DocumentKind.Procedure ? effective : DateOnly.FromDateTime(now.UtcDateTime), now);
        events.Add(new DocumentApproved(Id, CurrentRevisionNumber, reviewer.UserId, reviewer.Name, note.Length == 0 ? null : note));
    }

    /// <summary>Sends the revision the reviewer read back to its author with the reason.</summary>
    public void ReturnToAuthor(Actor reviewer, int reviewedRevision, string comment, DateTimeOffset now)
    {
        RequireManager(reviewer);
        RequireUnderReview(reviewedRevision, "Only a document in review can be returned.");
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new KnowledgeRuleException("Say what the author should change.");
        }

        reviewComments.Add(new ReviewComment(CurrentRevisionNumber, reviewer.UserId ?? string.Empty, reviewer.Name, false, comment.Trim(), now));
        Status = PublishedRevisionNumber is null ? DocumentStatus.Draft : DocumentStatus.Published;
        Touch(now);
        events.Add(new DocumentReturned(Id, CurrentRevisionNumber, reviewer.UserId, reviewer.Name, comment.Trim()));
    }

    public void Archive(Actor manager, DateTimeOffset now)
    {
        RequireManager(manager);
        if (Status == DocumentStatus.Archived)
        {
            throw new KnowledgeRuleException("The document is already archived.");
        }

        Status = DocumentStatus.Archived;
        Touch(now);
        events.Add(new DocumentArchived(Id, manager.UserId, manager.Name));
    }

    /// <summary>Confirms the content is still right and sets the next verify-by date.</summary>
    public void Verify(Actor verifier, DateTimeOffset now)
    {
        RequireManager(verifier);
        if (!IsVisibleToReaders)
        {
            throw new KnowledgeRuleException("Only published content is verified.");
        }

        SetVerification(verifier, now, DateOnly.FromDateTime(now.UtcDateTime));
        Touch(now);
    }

    /// <inheritdoc />
    public IReadOnlyList<IDomainEvent> TakeEvents()
    {
        var taken = events.ToList();
        events.Clear();
        return taken;
    }

    public bool CanEdit(Actor actor) => actor.IsManager || (actor.UserId is not null && actor.UserId == AuthorUserId);

    /// <summary>Whether the actor may open the document at all (drafts are private to author and managers).</summary>
    public bool CanRead(Actor actor) => IsVisibleToReaders || CanEdit(actor);

    internal DocumentRevision AddRevision(string title, string body, Actor editor, string? changeNote, DateTimeOffset now)
    {
        title = (title ?? string.Empty).Trim();
        body ??= string.Empty;
        if (title.Length == 0)
        {
            throw new KnowledgeRuleException("A title is required.");
        }

        if (title.Length > MaxTitleLength)
        {
            throw new KnowledgeRuleException("The title is longer than {0} characters.", MaxTitleLength);
        }

        // The text must render within its limits for every reader, so what would not is refused here, with the reason.
        if (MarkdownRenderer.FindProblem(body) is { } problem)
        {
            throw new KnowledgeRuleException(problem.Message, problem.Arguments);
        }

        var revision = new DocumentRevision(CurrentRevisionNumber + 1, title, body, editor.UserId, editor.Name, changeNote, now);
        revisions.Add(revision);
        CurrentRevisionNumber = revision.Number;
        Title = title;
        Touch(now);
        return revision;
    }

    internal void PublishCurrent(Actor approver, DateOnly effective, DateTimeOffset now)
    {
        CurrentRevision.TakeEffect(effective);
        PublishedRevisionNumber = CurrentRevisionNumber;
        Status = DocumentStatus.Published;
        // A procedure revision is due for review an interval after it takes effect; other content after approval.
        SetVerification(approver, now, Kind == DocumentKind.Procedure ? effective : DateOnly.FromDateTime(now.UtcDateTime));
        Touch(now);
    }

    /// <summary>The next check is due <see cref="ReviewIntervalDays"/> after <paramref name="from"/>.</summary>
    private void SetVerification(Actor verifier, DateTimeOffset now, DateOnly from)
    {
        VerifierUserId = verifier.UserId;
        VerifierName = verifier.UserId is null ? Owner ?? AuthorName : verifier.Name;
        LastVerifiedAt = now;
        VerifyBy = from.AddDays(ReviewIntervalDays);
    }

    private void RequireKind(DocumentKind kind)
    {
        if (Kind != kind)
        {
            throw new KnowledgeRuleException("This action does not apply to this kind of document.");
        }
    }

    /// <summary>The document is in review and <paramref name="reviewedRevision"/> is still the revision under review.</summary>
    private void RequireUnderReview(int reviewedRevision, string notInReview)
    {
        if (reviewedRevision != CurrentRevisionNumber)
        {
            throw new KnowledgeRuleException(
                "You reviewed revision {0}, but the document now has revision {1}. Read the new revision before you decide.",
                reviewedRevision, CurrentRevisionNumber);
        }

        if (Status != DocumentStatus.InReview)
        {
            throw new KnowledgeRuleException(notInReview);
        }
    }

    /// <summary>A change to a document in review takes it out of review (back to draft, or to its published revision).</summary>
    private void LeaveReview()
    {
        if (Status == DocumentStatus.InReview)
        {
            Status = PublishedRevisionNumber is null ? DocumentStatus.Draft : DocumentStatus.Published;
        }
    }

    private static void RequireManager(Actor actor)
    {
        if (!actor.IsManager)
        {
            throw new KnowledgeRuleException("Only a knowledge manager can do this.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now > UpdatedAt ? now : UpdatedAt;
        Version++;
    }
}

internal sealed class KnowledgeDocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> builder)
    {
        builder.ToTable("KnowledgeDocuments");
        builder.HasIndex(d => new { d.Kind, d.Slug, d.Language }).IsUnique();
        builder.HasIndex(d => new { d.Kind, d.Status });
        builder.HasIndex(d => d.VerifyBy);
        builder.Property(d => d.Slug).HasMaxLength(100);
        builder.Property(d => d.Language).HasMaxLength(8);
        builder.Property(d => d.Title).HasMaxLength(KnowledgeDocument.MaxTitleLength);
        builder.Property(d => d.Summary).HasMaxLength(KnowledgeDocument.MaxSummaryLength);
        builder.Property(d => d.AuthorName).HasMaxLength(256);
        builder.Property(d => d.Owner).HasMaxLength(200);
        builder.Property(d => d.VerifierName).HasMaxLength(256);
        builder.Property(d => d.SourceHash).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Revisions).HasField("revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.ReviewComments).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.ReviewComments).HasField("reviewComments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.Metadata);
        builder.Ignore(d => d.CurrentRevision);
    }
}
