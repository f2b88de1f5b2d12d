namespace KnowledgeKaizen.Core.Improvement;

/// <summary>An open cycle reached its check date (raised once per cycle and date).</summary>
public sealed record CycleCheckDue(int CycleId, DateTime CheckDate) : IDomainEvent;
