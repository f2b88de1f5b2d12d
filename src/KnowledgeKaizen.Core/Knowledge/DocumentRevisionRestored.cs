namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>An editor put revision <paramref name="From"/>'s text back as the new revision <paramref name="Revision"/>.</summary>
public sealed record DocumentRevisionRestored(int DocumentId, int From, int Revision, string? ByUserId, string ByName) : IDomainEvent;
