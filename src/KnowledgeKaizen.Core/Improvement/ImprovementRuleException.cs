namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A request the improvement rules refuse; its arguments are English words pages localise too.</summary>
public sealed class ImprovementRuleException(string message, params object[] arguments) : RuleException(message, arguments);
