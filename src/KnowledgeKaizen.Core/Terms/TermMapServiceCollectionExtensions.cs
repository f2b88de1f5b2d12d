using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeKaizen.Core.Terms;

public static class TermMapServiceCollectionExtensions
{
    /// <summary>The term map's store; every module that reads the map asks for it (registered once).</summary>
    public static IServiceCollection AddTermMap(this IServiceCollection services)
    {
        services.TryAddScoped<TermMapStore>();
        return services;
    }
}
