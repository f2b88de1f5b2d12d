namespace KnowledgeKaizen.Web.Backups;

public static class BackupsModule
{
    /// <summary>The backups page in the Admin menu.</summary>
    public static IServiceCollection AddPortalBackups(this IServiceCollection services)
    {
        services.AddNavItem(new NavItem("Backups", "/Admin/Backups", Policies.Admin, NavOrder.Backups, "archive", "Admin"));
        return services;
    }
}
