namespace KnowledgeKaizen.Core.Courses;

/// <summary>A trainer put a learner on a course.</summary>
public sealed record CourseAssigned(int CourseId, string LearnerUserId, string AssignedByUserId) : IDomainEvent;
