namespace KnowledgeKaizen.Core.Improvement;

/// <summary>One row of the mechanism's evaluation: a team or a month.</summary>
/// <remarks>
/// <para>Checked: Cycles whose check produced a verdict other than "not enough data".</para>
/// <para>Improved: Of those, cycles with a significant improvement.</para>
/// <para>MedianDaysToPlaybook: Median days from a standout's detection to the published playbook.</para>
/// </remarks>
public sealed record EvaluationRow(string Key, int Started, int Closed, int Checked, int Improved, int Captures, int CapturesPublished,
    double? MedianDaysToPlaybook, int Applications, int Readers, CourseCompletion? Courses);
