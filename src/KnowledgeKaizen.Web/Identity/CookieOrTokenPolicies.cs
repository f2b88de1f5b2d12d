namespace KnowledgeKaizen.Web.Identity;

public static class CookieOrTokenPolicies
{
    /// <summary>
    /// A policy for endpoints that machines call too: the sign-in cookie or an API token, with the roles of
    /// <paramref name="rolesOf"/> (one of <see cref="Policies"/>). A token carries the Admin role.
    /// </summary>
    public static AuthorizationBuilder AddCookieOrTokenPolicy(this AuthorizationBuilder authorization, string name, string rolesOf) =>
        authorization.AddPolicy(name, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().RequireRole(Policies.RolesFor[rolesOf]));
}
