using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>Authorization policies of the ingestion endpoints, which accept a sign-in cookie or an API token.</summary>
public static class IngestionPolicies
{
    /// <summary>Bulk imports, their progress and templates: Admins, or an Admin-issued API token.</summary>
    public const string ImportApi = nameof(ImportApi);

    /// <summary>Recording a single feedback or service case: any portal role, or an API token.</summary>
    public const string CaptureApi = nameof(CaptureApi);
}

public static class IngestionModule
{
    /// <summary>
    /// CRM and service data intake: the import pipeline and its background job, the demo data loader,
    /// API tokens (scheme "ApiToken"), the pages and the menu entries.
    /// </summary>
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.AddIngestionCore();
        builder.Services.AddScoped<ApiTokenAdministration>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IngestionPolicies.ImportApi, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireRole(Policies.RolesFor[Policies.Admin]))
            .AddPolicy(IngestionPolicies.CaptureApi, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireRole(Policies.RolesFor[Policies.Reader]));

        builder.Services.AddNavItem(new NavItem("Record feedback", "/Feedback/Record", Policies.Reader, 400, "chat-left-quote", "Record"));
        builder.Services.AddNavItem(new NavItem("Record a service case", "/Service/Record", Policies.Reader, 410, "headset", "Record"));
        builder.Services.AddNavItem(new NavItem("Imports", "/Imports/Index", Policies.Admin, 910, "cloud-upload", "Admin"));
        builder.Services.AddNavItem(new NavItem("API tokens", "/Imports/Tokens", Policies.Admin, 920, "key", "Admin"));
        return builder;
    }
}
