namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A reader voted a published document not helpful, saying why.</summary>
public sealed record DocumentVotedNotHelpful(int DocumentId, string ByUserId, string Reason) : IDomainEvent;
