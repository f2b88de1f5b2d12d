using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeKaizen.Core.Performance;

public static class PerformanceServiceCollectionExtensions
{
    /// <summary>Capture requests and the users' task list.</summary>
    public static IServiceCollection AddPerformanceCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CaptureRequestService>();
        services.AddScoped<UserTaskService>();
        return services;
    }
}
