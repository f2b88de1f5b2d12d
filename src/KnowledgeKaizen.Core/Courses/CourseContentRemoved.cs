namespace KnowledgeKaizen.Core.Courses;

/// <summary>A trainer removed part of a course: <paramref name="What"/> says which module or question.</summary>
public sealed record CourseContentRemoved(int CourseId, string What) : IDomainEvent;
