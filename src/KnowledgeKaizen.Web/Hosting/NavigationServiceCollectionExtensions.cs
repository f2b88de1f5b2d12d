namespace KnowledgeKaizen.Web.Hosting;

public static class NavigationServiceCollectionExtensions
{
    public static IServiceCollection AddNavItem(this IServiceCollection services, NavItem item)
    {
        services.AddSingleton(item);
        return services;
    }
}
