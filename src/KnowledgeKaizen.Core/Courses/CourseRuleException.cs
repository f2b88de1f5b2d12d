namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// A request the course rules refuse (empty course, unknown option, unpublished revision). The message is
/// English text that pages localise as a key; <see cref="Arguments"/> fill its placeholders.
/// </summary>
public sealed class CourseRuleException(string message, params object[] arguments) : InvalidOperationException(message)
{
    public IReadOnlyList<object> Arguments { get; } = arguments;
}
