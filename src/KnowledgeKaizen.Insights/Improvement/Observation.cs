namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>One observation of a metric: the responsible rep (if any), its value and when it happened.</summary>
public readonly record struct Observation(long? RepId, double Value, DateTime At);
