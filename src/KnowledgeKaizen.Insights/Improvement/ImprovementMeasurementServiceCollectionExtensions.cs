using KnowledgeKaizen.Core.Terms;

namespace KnowledgeKaizen.Insights.Improvement;

public static class ImprovementMeasurementServiceCollectionExtensions
{
    /// <summary>
    /// What the improvement workflow measures with: the target-metric catalogue, the before/after check of a cycle
    /// (Core's <see cref="ICycleMeasurement"/>) and the complaint clustering job of problem collection (it reads the term
    /// map, and segments Chinese with the <see cref="Lexicon.IWordSegmenter"/> the search engine registers).
    /// </summary>
    public static IServiceCollection AddImprovementMeasurement(this IServiceCollection services)
    {
        services.AddSingleton(MetricCatalogue.Default);
        services.AddScoped<CycleMetrics>();
        services.AddScoped<ICycleMeasurement>(sp => sp.GetRequiredService<CycleMetrics>());
        services.AddScoped<CycleChecker>();
        services.AddTermMap();
        services.AddJobHandler<FeedbackClusteringJob>();
        return services;
    }
}
