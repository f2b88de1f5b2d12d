namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A request the knowledge rules refuse (wrong state, too large, missing comment).</summary>
public sealed class KnowledgeRuleException(string message, params object[] arguments) : RuleException(message, arguments);
