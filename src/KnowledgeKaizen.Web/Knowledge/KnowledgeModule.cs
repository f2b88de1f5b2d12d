namespace KnowledgeKaizen.Web.Knowledge;

public static class KnowledgeModule
{
    /// <summary>Playbooks, procedures and solutions in the portal: the details-page facade and the menu entries.</summary>
    public static IServiceCollection AddPortalKnowledge(this IServiceCollection services)
    {
        services.AddScoped<DocumentPages>();
        services.AddSingleton<MarkdownHtml>();
        services.AddNavItem(new NavItem("Playbooks", "/Playbooks/Index", Policies.Reader, NavOrder.Playbooks, "journal-text", NavGroup.Knowledge));
        services.AddNavItem(new NavItem("Procedures", "/Procedures/Index", Policies.Reader, NavOrder.Procedures, "list-ol", NavGroup.Knowledge));
        services.AddNavItem(new NavItem("Solutions", "/Solutions/Index", Policies.Reader, NavOrder.Solutions, "life-preserver", NavGroup.Knowledge));
        services.AddNavItem(new NavItem("Review", "/Knowledge/Review", Policies.KnowledgeManager, NavOrder.Review, "check2-square", NavGroup.Knowledge));
        services.AddNavItem(new NavItem("Overdue verification", "/Knowledge/Overdue", Policies.KnowledgeManager, NavOrder.OverdueDocuments, "hourglass-split", NavGroup.Knowledge));
        services.AddNavItem(new NavItem("Content library", "/Knowledge/Library", Policies.Admin, NavOrder.ContentLibrary, "box-arrow-down", NavGroup.Admin));
        return services;
    }
}
