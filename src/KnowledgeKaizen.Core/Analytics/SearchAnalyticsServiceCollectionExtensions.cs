namespace KnowledgeKaizen.Core.Analytics;

public static class SearchAnalyticsServiceCollectionExtensions
{
    /// <summary>The search log (queries and clicks), its report and content gaps turned into drafts.</summary>
    public static IServiceCollection AddSearchAnalytics(this IServiceCollection services) =>
        services.AddScoped<SearchAnalytics>().AddSingleton<SearchQueryRecorder>();
}
