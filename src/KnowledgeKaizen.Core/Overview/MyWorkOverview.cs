using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Core.Overview;

/// <summary>Everything of one user's own: their documents by state, their feedback, courses and capture requests.</summary>
public sealed record MyWorkOverview(
    IReadOnlyList<WorkLink> Drafts,
    IReadOnlyList<WorkLink> InReview,
    IReadOnlyList<WorkLink> Published,
    IReadOnlyList<WorkLink> Returned,
    IReadOnlyList<WorkLink> Flags,
    IReadOnlyList<(WorkLink Document, bool Helpful)> Votes,
    IReadOnlyList<CourseStep> Courses,
    IReadOnlyList<(WorkLink Request, CaptureRequestStatus Status)> CaptureRequests);
