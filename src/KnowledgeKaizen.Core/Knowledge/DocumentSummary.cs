namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>One row of a document list, with the reader feedback counts.</summary>
public sealed record DocumentSummary(int Id, DocumentKind Kind, string Slug, string Language, string Title, string Summary,
    DocumentStatus Status, IReadOnlyList<string> Tags, IReadOnlyList<string> Stages, string AuthorName, DateOnly? VerifyBy,
    bool Overdue, bool PendingChanges, DateTimeOffset UpdatedAt, FeedbackCounts Feedback, int CaseLinks);
