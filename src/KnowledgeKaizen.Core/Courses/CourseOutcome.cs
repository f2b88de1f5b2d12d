namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// Where a learner stands on a course, by the rule the SCORM package reports too: every module done makes a course
/// without questions <see cref="Completed"/>; with questions the score decides <see cref="Passed"/> (at least
/// <see cref="Course.MasteryScore"/>) or <see cref="Failed"/>.
/// </summary>
public enum CourseOutcome
{
    InProgress = 0,
    Completed = 1,
    Passed = 2,
    Failed = 3,
}
