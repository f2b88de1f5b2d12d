namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A metric of the catalogue with its parameters: key, optional stage code and team.</summary>
public sealed record TargetMetric(string MetricKey, string? Stage, string? Team);
