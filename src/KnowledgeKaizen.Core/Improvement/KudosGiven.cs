namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A colleague thanked a contributor.</summary>
public sealed record KudosGiven(string FromUserId, string FromName, string ToUserId, string Message) : IDomainEvent;
