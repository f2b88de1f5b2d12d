using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Knowledge;

public static class KnowledgeModule
{
    /// <summary>Playbooks, procedures and solutions in the portal: the details-page facade and the menu entries.</summary>
    public static IServiceCollection AddPortalKnowledge(this IServiceCollection services)
    {
        services.AddScoped<DocumentPages>();
        services.AddSingleton<MarkdownHtml>();
        services.AddNavItem(new NavItem("Playbooks", "/Playbooks/Index", Policies.Reader, NavOrder.Playbooks, "journal-text"));
        services.AddNavItem(new NavItem("Procedures", "/Procedures/Index", Policies.Reader, NavOrder.Procedures, "list-ol"));
        services.AddNavItem(new NavItem("Solutions", "/Solutions/Index", Policies.Reader, NavOrder.Solutions, "life-preserver"));
        services.AddNavItem(new NavItem("Review", "/Knowledge/Review", Policies.KnowledgeManager, NavOrder.Review, "check2-square"));
        services.AddNavItem(new NavItem("Content library", "/Knowledge/Library", Policies.Admin, NavOrder.ContentLibrary, "box-arrow-down", "Admin"));
        return services;
    }
}
