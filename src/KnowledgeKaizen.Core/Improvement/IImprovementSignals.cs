namespace KnowledgeKaizen.Core.Improvement;

/// <summary>
/// Data owned by other modules that the improvement mechanism reads: performer detection (standout →
/// playbook) and courses. Swap the registration when those modules provide their own data.
/// </summary>
public interface IImprovementSignals
{
    /// <summary>Standouts detected in [from, to) and their playbooks.</summary>
    Task<IReadOnlyList<StandoutCapture>> StandoutCapturesAsync(DateTime from, DateTime to, CancellationToken ct = default);

    /// <summary>Completion per team; null when no course module is present.</summary>
    Task<IReadOnlyList<CourseCompletion>?> CourseCompletionAsync(DateTime from, DateTime to, CancellationToken ct = default);

    /// <summary>A course's title, or null if there is no such course (or no course module).</summary>
    Task<string?> CourseTitleAsync(int courseId, CancellationToken ct = default);
}
