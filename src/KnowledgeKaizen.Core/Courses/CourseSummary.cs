namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// One line of the course list. <see cref="Passed"/> counts learners who passed (or, without questions, completed) the
/// course and <see cref="Failed"/> those who finished every module below the mastery score.
/// </summary>
public sealed record CourseSummary(int Id, string Title, CourseStatus Status, string? AudienceRole, string? AudienceStage, int ModuleCount,
    bool HasQuestions, int Learners, int Passed, int Failed);
