using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeKaizen.Core.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The dispatcher the database context calls when it saves raised events.</summary>
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        services.TryAddScoped<DomainEventDispatcher>();
        return services;
    }

    /// <summary>Registers a handler; a module registers the handlers of the events it cares about.</summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.AddDomainEvents();
        services.AddScoped<IDomainEventHandler<TEvent>, THandler>();
        return services;
    }
}
