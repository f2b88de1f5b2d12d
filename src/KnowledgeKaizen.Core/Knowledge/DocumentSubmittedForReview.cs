namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>The author (or a knowledge manager) handed revision <paramref name="Revision"/> to the reviewers.</summary>
public sealed record DocumentSubmittedForReview(int DocumentId, int Revision, string? ByUserId, string ByName) : IDomainEvent;
