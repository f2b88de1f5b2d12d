namespace KnowledgeKaizen.Web.Improvement;

public static class ImprovementModule
{
    /// <summary>
    /// The improvement pages: the facade that joins the Core workflow with the Insights measurement (PDCA/SDCA
    /// board, problems, evaluation, recognition) and the menu entries.
    /// </summary>
    public static IServiceCollection AddPortalImprovement(this IServiceCollection services)
    {
        services.AddScoped<ImprovementDesk>();
        services.AddNavItem(new NavItem("Improvement", "/Improvement/Index", Policies.KnowledgeManager, NavOrder.Improvement, "arrow-repeat", NavGroup.Improve));
        services.AddNavItem(new NavItem("Recognition", "/Recognition/Index", Policies.Reader, NavOrder.Recognition, "award", NavGroup.Improve));
        return services;
    }
}
