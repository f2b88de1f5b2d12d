using KnowledgeKaizen.Web.Identity;

namespace KnowledgeKaizen.Web.Ingestion;

public static class IngestionModule
{
    /// <summary>CRM and service data intake in the portal: the import and frontline API policies, the mapping pages' facade and the menu entries.</summary>
    public static IServiceCollection AddPortalIngestion(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddCookieOrTokenPolicy(IngestionPolicies.ImportApi, Policies.Admin)
            .AddCookieOrTokenPolicy(IngestionPolicies.FrontlineApi, Policies.Reader);
        services.AddNavItem(new NavItem("Record feedback", "/Feedback/Record", Policies.Reader, NavOrder.RecordFeedback, "chat-left-quote", NavGroup.Improve));
        services.AddNavItem(new NavItem("Record a service case", "/Service/Record", Policies.Reader, NavOrder.RecordServiceCase, "headset", NavGroup.Improve));
        services.AddScoped<MappingPages>();
        services.AddNavItem(new NavItem("Imports", "/Imports/Index", Policies.Admin, NavOrder.Imports, "cloud-upload", NavGroup.Admin));
        services.AddNavItem(new NavItem("Import mappings", "/Imports/Mappings", Policies.Admin, NavOrder.ImportMappings, "diagram-3", NavGroup.Admin));
        services.AddNavItem(new NavItem("API tokens", "/Imports/Tokens", Policies.Admin, NavOrder.ApiTokens, "key", NavGroup.Admin));
        return services;
    }
}
