namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A published document must be checked again by <paramref name="VerifyBy"/> (raised once per document and date).</summary>
public sealed record DocumentVerificationDue(int DocumentId, DateOnly VerifyBy) : IDomainEvent;
