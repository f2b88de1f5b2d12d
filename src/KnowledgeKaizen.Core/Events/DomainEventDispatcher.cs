using System.Collections.Concurrent;

namespace KnowledgeKaizen.Core.Events;

/// <summary>Calls every registered handler of an event's type (handlers of its interfaces are not called).</summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, KnowledgeKaizenDbContext, CancellationToken, Task>> Invokers = new();

    public Task DispatchAsync(IDomainEvent domainEvent, KnowledgeKaizenDbContext db, CancellationToken cancellationToken) =>
        Invokers.GetOrAdd(domainEvent.GetType(), Invoker)(services, domainEvent, db, cancellationToken);

    private static Func<IServiceProvider, IDomainEvent, KnowledgeKaizenDbContext, CancellationToken, Task> Invoker(Type eventType) =>
        (Func<IServiceProvider, IDomainEvent, KnowledgeKaizenDbContext, CancellationToken, Task>)typeof(DomainEventDispatcher)
            .GetMethod(nameof(InvokeAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate(typeof(Func<IServiceProvider, IDomainEvent, KnowledgeKaizenDbContext, CancellationToken, Task>));

    private static async Task InvokeAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, KnowledgeKaizenDbContext db, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, db, cancellationToken);
        }
    }
}
