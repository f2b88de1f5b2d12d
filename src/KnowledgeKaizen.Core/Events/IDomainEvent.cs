namespace KnowledgeKaizen.Core.Events;

/// <summary>
/// Something that happened in the domain (a document approved, a user locked, an import failed). Raised with
/// <see cref="Data.KnowledgeKaizenDbContext.Raise"/> or by an entity (<see cref="IRaisesEvents"/>) and handled
/// inside the same save and transaction, so the audit log and notifications are true exactly when the change is.
/// </summary>
public interface IDomainEvent;
