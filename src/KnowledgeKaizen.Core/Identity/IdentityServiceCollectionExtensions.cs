namespace KnowledgeKaizen.Core.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Account administration (invites, roles, lock-out, self-registration), the session check and, on start, the roles and the first
    /// Admin. Needs ASP.NET Core Identity's user and role managers, which the web host registers with its cookies.
    /// </summary>
    public static IServiceCollection AddUserAccounts(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserSessions>();
        services.AddScoped<IStartupTask, IdentityBootstrapper>();
        return services;
    }

    /// <summary>API tokens: their administration and the check of a bearer secret.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenAdministration>();
        services.AddScoped<ApiTokenAuthenticator>();
        return services;
    }
}
