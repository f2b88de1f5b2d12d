namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>A filter value from the URL that was not used, and why (shown to the user as a notice).</summary>
/// <param name="Parameter">Query parameter name.</param>
/// <param name="Message">English message (a localisation key) with {0} = the parameter, {1} = the value.</param>
/// <param name="Value">The rejected value.</param>
public sealed record FilterNotice(string Parameter, string Message, string Value);
