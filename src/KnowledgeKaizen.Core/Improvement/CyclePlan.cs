namespace KnowledgeKaizen.Core.Improvement;

/// <summary>What the Plan form collects.</summary>
public sealed record CyclePlan(
    CycleType Type,
    string Title,
    string Problem,
    string? Team,
    string? OwnerUserId,
    string OwnerName,
    CycleRoles Roles,
    TargetMetric Target,
    double TargetValue,
    DateTime BaselineFrom,
    DateTime BaselineTo,
    DateTime RolloutDate,
    DateTime CheckDate,
    int? ParentCycleId = null,
    string? Source = null);
