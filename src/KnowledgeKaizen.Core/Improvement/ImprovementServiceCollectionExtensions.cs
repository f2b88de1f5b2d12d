using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeKaizen.Core.Improvement;

public static class ImprovementServiceCollectionExtensions
{
    /// <summary>
    /// Cycles, adoption, recognition, problem collection and evaluation. <see cref="ICycleMeasurement"/> comes from
    /// Insights; <see cref="IImprovementSignals"/> defaults to what the knowledge base provides (TryAdd, so a
    /// performer-detection or course module can register its own first).
    /// </summary>
    public static IServiceCollection AddImprovement(this IServiceCollection services)
    {
        services.TryAddScoped<IImprovementSignals, PortalSignals>();
        services.AddScoped<ImprovementService>();
        services.AddScoped<AdoptionService>();
        services.AddScoped<RecognitionService>();
        services.AddScoped<ProblemService>();
        services.AddScoped<EvaluationService>();
        return services;
    }
}
