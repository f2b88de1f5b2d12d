using KnowledgeKaizen.Core.Events;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// An import ended: applied, previewed, rejected for its problems, or failed. <paramref name="RequestedBy"/> is who
/// started it (an e-mail, or "token:name" for an API token).
/// </summary>
public sealed record ImportFinished(Guid ImportId, ImportStatus Outcome, string? RequestedBy, string FileName, string? Message) : IDomainEvent;
