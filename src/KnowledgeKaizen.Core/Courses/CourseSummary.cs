namespace KnowledgeKaizen.Core.Courses;

/// <summary>One line of the course list.</summary>
public sealed record CourseSummary(int Id, string Title, CourseStatus Status, string? AudienceRole, string? AudienceStage, int ModuleCount, int Learners, int Completed);
