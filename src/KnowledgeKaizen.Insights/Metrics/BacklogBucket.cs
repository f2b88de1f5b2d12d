namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Open cases at the end of the period, by age.</summary>
public sealed record BacklogBucket(string Label, double FromDays, double? ToDays, long Cases);
