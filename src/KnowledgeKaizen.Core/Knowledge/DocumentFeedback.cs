namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A reader's vote or outdated flag. One per reader and kind (helpful/not helpful share one slot).</summary>
public class DocumentFeedback
{
    private DocumentFeedback()
    {
        UserId = string.Empty;
    }

    public DocumentFeedback(int documentId, string userId, FeedbackKind kind, string? reason, DateTimeOffset at)
    {
        DocumentId = documentId;
        UserId = userId;
        Kind = kind;
        Reason = Trim(reason);
        At = at;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    public string UserId { get; private set; }

    public FeedbackKind Kind { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Whether a verifier has dealt with this outdated flag.</summary>
    public bool Resolved { get; private set; }

    /// <summary>A reader changing their mind replaces the vote rather than adding a second one.</summary>
    public void Change(FeedbackKind kind, string? reason, DateTimeOffset at)
    {
        Kind = kind;
        Reason = Trim(reason);
        At = at;
        Resolved = false;
    }

    internal void Resolve() => Resolved = true;

    private static string? Trim(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 1000)];
}

/// <summary>A service case the solution article resolved. The number of links is the article's reuse.</summary>
public class SolutionCaseLink
{
    private SolutionCaseLink()
    {
        CaseKey = string.Empty;
        LinkedBy = string.Empty;
    }

    public SolutionCaseLink(int documentId, string caseKey, string linkedBy, DateTimeOffset at)
    {
        DocumentId = documentId;
        CaseKey = caseKey;
        LinkedBy = linkedBy;
        LinkedAt = at;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    /// <summary>The case's id or external number as text; the case entity lives in another module.</summary>
    public string CaseKey { get; private set; }

    public string LinkedBy { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }
}

/// <summary>A reviewer's decision, kept so the author sees why a draft came back.</summary>
public class ReviewComment
{
    private ReviewComment()
    {
        ReviewerName = string.Empty;
        Comment = string.Empty;
    }

    internal ReviewComment(int revisionNumber, string reviewerUserId, string reviewerName, bool approved, string comment, DateTimeOffset at)
    {
        RevisionNumber = revisionNumber;
        ReviewerUserId = reviewerUserId;
        ReviewerName = reviewerName;
        Approved = approved;
        Comment = comment;
        At = at;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    public int RevisionNumber { get; private set; }

    public string? ReviewerUserId { get; private set; }

    public string ReviewerName { get; private set; }

    public bool Approved { get; private set; }

    public string Comment { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>The editor's autosave slot: one per user and document (or per user and kind for a new one).</summary>
public class DraftAutosave
{
    private DraftAutosave()
    {
        UserId = string.Empty;
        SlotKey = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    public DraftAutosave(string userId, string slotKey, string title, string body, int? baseVersion, DateTimeOffset at)
    {
        UserId = userId;
        SlotKey = slotKey;
        Title = title;
        Body = body;
        BaseVersion = baseVersion;
        SavedAt = at;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>"doc-42" for an existing document, "new-playbook" for one not saved yet.</summary>
    public string SlotKey { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>Document version the editor started from.</summary>
    public int? BaseVersion { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public void Update(string title, string body, int? baseVersion, DateTimeOffset at)
    {
        Title = title;
        Body = body;
        BaseVersion = baseVersion;
        SavedAt = at;
    }
}
