namespace KnowledgeKaizen.Core.Courses;

/// <summary>A course's progress report.</summary>
public sealed record CourseProgress(Course Course, IReadOnlyList<LearnerProgress> Learners, IReadOnlyList<QuestionStatistics> Questions);
