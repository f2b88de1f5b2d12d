namespace KnowledgeKaizen.Core.Courses;

/// <summary>Stage-specific courses a user passed (or completed, without questions) out of those published for the stage.</summary>
public sealed record StageCourseCompletion(string Stage, int Courses, int Passed);
