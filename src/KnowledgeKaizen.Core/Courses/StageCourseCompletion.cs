namespace KnowledgeKaizen.Core.Courses;

/// <summary>Stage-specific courses a user completed out of those published for the stage.</summary>
public sealed record StageCourseCompletion(string Stage, int Courses, int Completed);
