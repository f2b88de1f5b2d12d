namespace KnowledgeKaizen.Core.Courses;

/// <summary>How the learner did on one question, for the feedback after submitting a module.</summary>
public sealed record AnswerResult(CourseQuestion Question, int ChosenIndex)
{
    public bool Correct => ChosenIndex == Question.CorrectIndex;
}
