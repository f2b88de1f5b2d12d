namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A reader flagged a published document as outdated, saying why.</summary>
public sealed record DocumentFlaggedOutdated(int DocumentId, string ByUserId, string Reason) : IDomainEvent;
