namespace KnowledgeKaizen.Core.Courses;

/// <summary>A request the course rules refuse (empty course, unknown option, unpublished revision).</summary>
public sealed class CourseRuleException(string message, params object[] arguments) : RuleException(message, arguments);
