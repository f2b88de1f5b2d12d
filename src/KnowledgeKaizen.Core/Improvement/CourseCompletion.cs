namespace KnowledgeKaizen.Core.Improvement;

/// <summary>Course completion for a team (or the company): enrolments and how many finished.</summary>
public sealed record CourseCompletion(string? Team, int Enrolled, int Completed)
{
    public double? Rate => Enrolled == 0 ? null : (double)Completed / Enrolled;
}
