namespace KnowledgeKaizen.Core.Courses;

/// <summary>Where a course is in its life: trainers build drafts, learners see published courses.</summary>
public enum CourseStatus
{
    Draft = 0,
    Published = 1,
}
