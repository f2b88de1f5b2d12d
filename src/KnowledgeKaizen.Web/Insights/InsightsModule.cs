namespace KnowledgeKaizen.Web.Insights;

public static class InsightsModule
{
    /// <summary>
    /// The process metrics dashboards under /Insights (funnel, reps, service, feedback, definitions): the request
    /// reader, the tables (HTML, charts and CSV) and the menu entry.
    /// </summary>
    public static IServiceCollection AddPortalInsights(this IServiceCollection services)
    {
        services.AddScoped<InsightsRequest>();
        services.AddScoped<MetricTables>();
        services.AddNavItem(new NavItem("Dashboards", "/Insights/Index", Policies.Reader, NavOrder.Insights, "bar-chart-line", NavGroup.Insights));
        return services;
    }
}
