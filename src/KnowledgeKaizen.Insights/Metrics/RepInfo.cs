namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>A rep with the columns the heatmap and the rep page show.</summary>
public sealed record RepInfo(long Id, string ExternalId, string Name, string Team, string Region);
