namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>Everything the details page shows about one document, for one reader.</summary>
public sealed record DocumentView(
    KnowledgeDocument Document,
    DocumentRevision Shown,
    bool IsReaderVersion,
    string Html,
    string? EvidenceHtml,
    FeedbackCounts Feedback,
    IReadOnlyList<FeedbackKind> MyFeedback,
    IReadOnlyList<DocumentFeedback> Reasons,
    IReadOnlyList<(string Step, DocumentSummary Playbook)> ImprovedBy,
    IReadOnlyList<ImprovedStep> Improves,
    IReadOnlyList<SolutionCaseLink> Cases,
    bool CanEdit,
    bool IsManager,
    bool Overdue,
    IReadOnlyList<LanguageVersion> OtherLanguages);
