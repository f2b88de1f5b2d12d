using KnowledgeKaizen.Web.Identity;

namespace KnowledgeKaizen.Web.PerformerDetection;

public static class PerformerDetectionModule
{
    /// <summary>Performer detection's pages: the findings table and detail, the model page, the task list, their menu entries and the API policy.</summary>
    public static IServiceCollection AddPortalPerformerDetection(this IServiceCollection services)
    {
        services.AddScoped<PerformerDetectionPages>();
        services.AddAuthorizationBuilder().AddCookieOrTokenPolicy(PerformerDetectionPolicies.FindingsApi, Policies.KnowledgeManager);
        services.AddNavItem(new NavItem("Performance", "/Insights/Performance/Index", Policies.KnowledgeManager, NavOrder.PerformerFindings, "trophy", NavGroup.Insights));
        services.AddNavItem(new NavItem("My tasks", "/Tasks/Index", Policies.Reader, NavOrder.MyTasks, "check2-circle", NavGroup.Me));
        services.AddNavItem(new NavItem("Expected-outcome model", "/Insights/Model", Policies.KnowledgeManager, NavOrder.ExpectedOutcomeModel, "cpu", NavGroup.Admin));
        return services;
    }
}
