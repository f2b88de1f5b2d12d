namespace KnowledgeKaizen.Core.Improvement;

/// <summary>The stored outcome of a check computation.</summary>
public sealed record CheckResult(
    CheckVerdict Verdict,
    double? Before,
    double? After,
    long BeforeSample,
    long AfterSample,
    double? Effect,
    double? Low,
    double? High,
    double? PValue,
    double? AdopterEffect,
    DateTime ComputedAt);
