namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A reviewer published revision <paramref name="Revision"/>, with an optional comment.</summary>
public sealed record DocumentApproved(int DocumentId, int Revision, string? ByUserId, string ByName, string? Comment) : IDomainEvent;
