namespace KnowledgeKaizen.Core.Overview;

/// <summary>
/// The home page of one user: for everyone what to read and continue; for contributors, trainers and managers what
/// waits for them (null when the role does not apply).
/// </summary>
public sealed record HomeOverview(
    IReadOnlyList<WorkLink> RecentlyViewed,
    IReadOnlyList<string> MyStages,
    IReadOnlyList<WorkLink> NewPlaybooks,
    IReadOnlyList<WorkLink> HelpfulPlaybooks,
    IReadOnlyList<CourseStep> Courses,
    IReadOnlyList<TaskLink> Tasks,
    IReadOnlyList<WorkLink>? Drafts,
    IReadOnlyList<WorkLink>? Returned,
    ManagerFigures? Manager,
    IReadOnlyList<WorkLink>? ChangedPins);
