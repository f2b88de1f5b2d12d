namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A reviewer sent revision <paramref name="Revision"/> back to its author, saying what to change.</summary>
public sealed record DocumentReturned(int DocumentId, int Revision, string? ByUserId, string ByName, string Comment) : IDomainEvent;
