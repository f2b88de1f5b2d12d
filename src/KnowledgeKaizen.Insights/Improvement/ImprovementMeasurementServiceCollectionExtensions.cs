using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Insights.Improvement;

public static class ImprovementMeasurementServiceCollectionExtensions
{
    /// <summary>
    /// What the improvement workflow measures with: the target-metric catalogue, the before/after check of a cycle
    /// (Core's <see cref="ICycleMeasurement"/>) and the complaint clustering job of problem collection.
    /// </summary>
    public static IServiceCollection AddImprovementMeasurement(this IServiceCollection services)
    {
        services.AddSingleton(MetricCatalogue.Default);
        services.AddScoped<CycleMetrics>();
        services.AddScoped<ICycleMeasurement>(sp => sp.GetRequiredService<CycleMetrics>());
        services.AddScoped<CycleChecker>();
        services.AddJobHandler<FeedbackClusteringJob>();
        return services;
    }
}
