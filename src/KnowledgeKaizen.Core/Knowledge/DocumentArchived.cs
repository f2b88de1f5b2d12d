namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A knowledge manager took a document out of use.</summary>
public sealed record DocumentArchived(int DocumentId, string? ByUserId, string ByName) : IDomainEvent;
