namespace KnowledgeKaizen.Core.Courses;

/// <summary>The feedback for one submitted module.</summary>
public sealed record ModuleResult(CourseModule Module, IReadOnlyList<AnswerResult> Answers)
{
    public int Correct => Answers.Count(a => a.Correct);
}
