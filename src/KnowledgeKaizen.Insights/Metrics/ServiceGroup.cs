namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Service figures for a group of cases (a channel, a category or a month).</summary>
public sealed record ServiceGroup(string Key, long Cases, long Resolved, Spread FirstResponseHours, Spread ResolutionHours, double? Satisfaction, double? CostPerCase);
