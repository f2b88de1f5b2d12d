using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Insights.Metrics;

public static class ProcessMetricsServiceCollectionExtensions
{
    /// <summary>
    /// The process metrics behind the dashboards and the upkeep of their monthly pre-aggregates (after each import,
    /// inside its transaction, and at start-up when stale).
    /// </summary>
    public static IServiceCollection AddProcessMetrics(this IServiceCollection services)
    {
        services.AddSingleton<MetricResultCache>();
        services.AddScoped<ProcessMetrics>();
        services.AddScoped<IImportCommitHook, MetricFactsRefresher>();
        services.AddScoped<IStartupTask, MetricFactsStartup>();
        return services;
    }
}
