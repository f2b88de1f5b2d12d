using KnowledgeKaizen.Core.Data;
using Microsoft.AspNetCore.Authentication;

namespace KnowledgeKaizen.Web.Identity;

public static class IdentityModule
{
    /// <summary>
    /// Identity on EF Core, cookie sign-in, lockout, the API-token scheme, the role policies (closed to anonymous users
    /// by default) and the Users menu entry.
    /// </summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<KnowledgeKaizenDbContext>()
            .AddSignInManager<AuditedSignInManager>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<KaizenOptions>>((options, kaizen) => options.Cookie.SecurePolicy = HostingModule.CookieSecurity(kaizen.Value));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "kk.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            options.Events.OnRedirectToLogin = context => RejectApiOr(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RejectApiOr(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.RolesFor)
            {
                options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
            }

            // Anything that forgot to name a policy is still closed to anonymous users.
            options.FallbackPolicy = options.GetPolicy(Policies.Reader);
        });

        services.AddScoped<IRequestOrigin, HttpRequestOrigin>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddNavItem(new NavItem("Users", "/Admin/Users/Index", Policies.Admin, NavOrder.Users, "people", NavGroup.Admin));
        services.AddNavItem(new NavItem("Audit log", "/Admin/Audit", Policies.Admin, NavOrder.AuditLog, "journal-check", NavGroup.Admin));
        return services;
    }

    /// <summary>API callers get a status code, browsers a redirect to the sign-in or 403 page.</summary>
    private static Task RejectApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // Relative: the host of an absolute redirect would come from the request's (forgeable) Host header.
        context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }
}
