using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Web.Hosting;

public static class HostingModule
{
    /// <summary>Razor Pages, error handling, the health endpoint, the menu and request limits.</summary>
    public static IServiceCollection AddPortalHosting(this IServiceCollection services)
    {
        // Forms are validated on the server only (no client validation library is shipped). With client validation
        // off, an empty validation summary is not rendered at all, instead of a box with <li style="display:none">
        // that the Content-Security-Policy would block.
        services.AddRazorPages()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddAntiforgery(o => o.Cookie.Name = "kk.csrf");
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<Navigation>();
        services.AddNavItem(new NavItem("My work", "/MyWork", Policies.Reader, NavOrder.MyWork, "briefcase", NavGroup.Me));
        services.AddOptions<FormOptions>().Configure<IOptions<KaizenOptions>>((form, kaizen) =>
            form.MultipartBodyLengthLimit = kaizen.Value.UploadLimitBytes);
        // The server is built with the host, before the settings are checked, so it reads them unchecked.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
            kestrel.Limits.MaxRequestBodySize = (configuration.GetSection(KaizenOptions.Section).Get<KaizenOptions>() ?? new()).UploadLimitBytes);
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/Error");
        app.UseWhen(c => IsApi(c.Request), api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The pages, the anonymous health endpoint and the language switch.</summary>
    public static IEndpointRouteBuilder MapPortalPages(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapPost("/culture", async (HttpContext http, TimeProvider clock, UserManager<AppUser> users,
            [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (LocalizationModule.IsSupported(culture))
            {
                LocalizationModule.SetCultureCookie(http.Response, culture, clock.GetUtcNow());
                // Remembered on the account too: e-mails are written in the language the user reads the portal in.
                if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != culture)
                {
                    user.PreferredCulture = culture;
                    await users.UpdateAsync(user);
                }
            }

            return Results.LocalRedirect(SafeLocalUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The settings, the data folder and the database connection, checked before anything uses them, so a bad setting
    /// ends start-up with one line naming it instead of a stack trace from deep inside a service.
    /// </summary>
    public static async Task<string?> FindSettingProblemAsync(this WebApplication app)
    {
        // Every module's ValidateOnStart check runs here, before the start-up tasks (which can take minutes on a
        // first start), so a bad setting anywhere ends start-up at once with one line.
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return app.Services.GetRequiredService<DataFolder>().EnsureWritable()
                ?? await app.Services.GetRequiredService<DatabaseSettings>().FindConnectionProblemAsync(app.Lifetime.ApplicationStopping);
        }
        catch (OptionsValidationException ex)
        {
            return Describe(ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return string.Join("; ", ex.InnerExceptions.Cast<OptionsValidationException>().Select(Describe));
        }
        catch (DatabaseSettingException ex)
        {
            return ex.Message;
        }
    }

    private static string Describe(OptionsValidationException ex) => ex.OptionsType == typeof(KaizenOptions)
        ? $"invalid setting {KaizenOptions.Section}: {string.Join("; ", ex.Failures)}"
        : $"invalid setting: {string.Join("; ", ex.Failures)}";

    /// <summary>Runs the start-up tasks (schema, roles, first Admin, content), then serves.</summary>
    public static async Task<int> RunPortalAsync(this WebApplication app)
    {
        await StartupTasks.RunAsync(app.Services, ct: app.Lifetime.ApplicationStopping);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("KnowledgeKaizen is listening on {Urls}. Sign in with the Admin email {AdminEmail}.",
                urls, app.Services.GetRequiredService<IOptions<KaizenOptions>>().Value.AdminEmail);
        });
        await app.RunAsync();
        return 0;
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    internal static string SafeLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
