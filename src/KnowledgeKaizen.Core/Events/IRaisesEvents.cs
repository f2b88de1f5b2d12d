namespace KnowledgeKaizen.Core.Events;

/// <summary>An entity whose behaviour raises events; the context collects them when it saves the entity.</summary>
public interface IRaisesEvents
{
    /// <summary>Takes the events raised since the last save (and forgets them).</summary>
    IReadOnlyList<IDomainEvent> TakeEvents();
}
