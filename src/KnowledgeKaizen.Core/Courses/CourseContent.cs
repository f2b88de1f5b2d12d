namespace KnowledgeKaizen.Core.Courses;

/// <summary>A course with all its modules' pinned content, in teaching order.</summary>
public sealed record CourseContent(Course Course, IReadOnlyList<ModuleContent> Modules)
{
    public bool NeedsAttention => Modules.Any(m => m.HasNewerRevision || m.IsArchived);
}
