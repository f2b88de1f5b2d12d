namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Share of a category (industry, region, source) among the rep's entries and among peers' entries.</summary>
public sealed record ShareComparison(string Dimension, string Category, double RepShare, double PeersShare);
