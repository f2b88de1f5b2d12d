namespace KnowledgeKaizen.Core.Events;

/// <summary>
/// Reacts to an event inside the save that raised it: adds rows (an audit entry, a notification) to the same
/// context, which are saved in the same transaction. Slow or external work (mail) belongs in a row that a
/// background job picks up, never here.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, KnowledgeKaizenDbContext db, CancellationToken cancellationToken);
}
