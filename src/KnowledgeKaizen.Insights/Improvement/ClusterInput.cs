namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>A text to cluster with when it was received.</summary>
public sealed record ClusterInput(string Text, DateTime At);
