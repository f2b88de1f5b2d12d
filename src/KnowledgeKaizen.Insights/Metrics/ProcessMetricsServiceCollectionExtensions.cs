namespace KnowledgeKaizen.Insights.Metrics;

public static class ProcessMetricsServiceCollectionExtensions
{
    /// <summary>
    /// The process metrics behind the dashboards and the upkeep of their monthly pre-aggregates (after each applied
    /// import, month by month in short transactions, and at start-up when stale), and the warming of the dashboards'
    /// default views after each change (settings under <see cref="MetricsOptions.Section"/>).
    /// </summary>
    public static IServiceCollection AddProcessMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MetricResultCache>();
        services.AddSingleton<MetricResultWarmer>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricResultWarmer>());
        services.AddScoped<ProcessMetrics>();
        services.AddScoped<IImportAppliedHook, MetricFactsRefresher>();
        services.AddScoped<IStartupTask, MetricFactsStartup>();
        return services;
    }
}
