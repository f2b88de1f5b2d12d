namespace KnowledgeKaizen.Core.Courses;

/// <summary>One learner's line in the trainer's progress table.</summary>
public sealed record LearnerProgress(string Name, bool Assigned, int ModulesDone, int Modules, int? Score, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt,
    CourseOutcome Outcome);
