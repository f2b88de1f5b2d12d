namespace KnowledgeKaizen.Core.Courses;

/// <summary>How learners answered one question; <see cref="CommonWrongOption"/> is the most chosen wrong option.</summary>
public sealed record QuestionStatistics(string Module, string Prompt, int Answered, int Wrong, string? CommonWrongOption)
{
    public int WrongPercent => Answered == 0 ? 0 : (int)Math.Round(100.0 * Wrong / Answered);
}
