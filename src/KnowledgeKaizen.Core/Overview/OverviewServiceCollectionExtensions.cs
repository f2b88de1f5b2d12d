namespace KnowledgeKaizen.Core.Overview;

public static class OverviewServiceCollectionExtensions
{
    /// <summary>The home page's and My work's lists (<see cref="WorkOverview"/>).</summary>
    public static IServiceCollection AddWorkOverview(this IServiceCollection services) => services.AddScoped<WorkOverview>();
}
