using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Knowledge;

public static class KnowledgeModule
{
    /// <summary>Playbooks, procedures and solutions in the portal: the details-page facade and the menu entries.</summary>
    public static IServiceCollection AddPortalKnowledge(this IServiceCollection services)
    {
        services.AddScoped<DocumentPages>();
        services.AddNavItem(new NavItem("Playbooks", "/Playbooks/Index", Policies.Reader, 100, "journal-text"));
        services.AddNavItem(new NavItem("Procedures", "/Procedures/Index", Policies.Reader, 110, "list-ol"));
        services.AddNavItem(new NavItem("Solutions", "/Solutions/Index", Policies.Reader, 120, "life-preserver"));
        services.AddNavItem(new NavItem("Review", "/Knowledge/Review", Policies.KnowledgeManager, 130, "check2-square"));
        services.AddNavItem(new NavItem("Content library", "/Knowledge/Library", Policies.Admin, 910, "box-arrow-down", "Admin"));
        return services;
    }
}
