using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Web.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;

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
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<KaizenOptions>>((o, kaizen) => o.Cookie.SecurePolicy = CookieSecurity(kaizen.Value));
        services.AddSingleton<PublicLinks>();
        services.AddPortalRateLimits();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.FindProblem() is null, "a proxy address or network is not valid").ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) => Trust(forwarded, proxies.Value));
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

    private const string ReloadStaticAssetsKey = "ReloadStaticAssetsAtRuntime";

    public static WebApplication UsePortal(this WebApplication app)
    {
        // First: everything after it sees the client's address and scheme as the trusted proxy reports them.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = ErrorStatus.For });
        app.UseWhen(c => IsApi(c.Request), api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        // Static files are endpoints (MapStaticAssets below). The build's manifest also maps them from an unpublished
        // build (dotnet run, tests), so the compressed copies are found wherever the app runs. Outside Development the
        // files are served as the manifest says (immutable, compressed) even from a build: ASP.NET Core would otherwise
        // treat every unpublished build as a developer's machine (no caching, recompressed without compression).
        StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        app.Configuration[ReloadStaticAssetsKey] ??= app.Environment.IsDevelopment() ? "true" : "false";
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            SessionValidation.ThrowIfUnchecked(context);
            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The static files, the pages, the anonymous health endpoints (all checks, live, ready) and the language switch.</summary>
    public static IEndpointRouteBuilder MapPortalPages(this IEndpointRouteBuilder app)
    {
        // Every file under wwwroot is served fingerprinted (name.{hash}.ext, cached for a year as immutable) and
        // compressed at build time (Content-Encoding); the pages' ~/ URLs resolve to the fingerprinted names.
        // Public: the sign-in page needs its styles before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(HealthTags.ReadyOnly) }).AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) }).AllowAnonymous();
        // The language switch is harmless but still checked: a post without a valid token (another site's form, a
        // bookmarked post) changes nothing and simply goes back, rather than failing.
        app.MapPost("/culture", async (HttpContext http, TimeProvider clock, IAntiforgery antiforgery, UserManager<AppUser> users) =>
        {
            if (!http.Request.HasFormContentType)
            {
                return Results.LocalRedirect("/");
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var culture = form["culture"].ToString();
            if (LocalizationModule.IsSupported(culture) && await antiforgery.IsRequestValidAsync(http))
            {
                LocalizationModule.SetCultureCookie(http.Response, culture, clock.GetUtcNow());
                // Remembered on the account too: e-mails are written in the language the user reads the portal in.
                if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != culture)
                {
                    user.PreferredCulture = culture;
                    await users.UpdateAsync(user);
                }
            }

            return Results.LocalRedirect(SafeLocalUrl(form["returnUrl"]));
        }).AllowAnonymous().DisableAntiforgery();
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
        try
        {
            await StartupTasks.RunAsync(app.Services, ct: app.Lifetime.ApplicationStopping);
        }
        catch (DatabaseSettingException ex)
        {
            // A database this release cannot upgrade: one line saying what to do, not a stack trace.
            await Console.Error.WriteLineAsync($"Start-up failed: {ex.Message}");
            return 1;
        }

        if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<KaizenOptions>>().Value.PublicBaseUrl) && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("KnowledgeKaizen:PublicBaseUrl is not set: invite links follow each request's Host header. Set it (and AllowedHosts) in production.");
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("KnowledgeKaizen is listening on {Urls}. Sign in with the Admin email {AdminEmail}.",
                urls, app.Services.GetRequiredService<IOptions<KaizenOptions>>().Value.AdminEmail);
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Cookies are Secure whenever the request came over https (as the trusted proxy says), and always when the public
    /// address is https, so no cookie of an https portal ever travels in the clear.
    /// </summary>
    internal static CookieSecurePolicy CookieSecurity(KaizenOptions options) =>
        options.PublicBaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>X-Forwarded-For and -Proto from the configured proxies only (the framework's loopback defaults are dropped).</summary>
    private static void Trust(ForwardedHeadersOptions forwarded, ProxyOptions proxies)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = proxies.ForwardLimit;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies)
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    internal static bool IsApi(HttpRequest request) => IsApi(request.Path);

    internal static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    /// <summary>
    /// <paramref name="url"/> when it is a path on this portal, "/" otherwise. Browsers drop tabs and line breaks from
    /// URLs ("/\t/evil.example" becomes "//evil.example"), so any control character makes it unsafe too.
    /// </summary>
    internal static string SafeLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= MaxLocalUrlLength && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'))
            && !url.Any(char.IsControl) ? url : "/";

    /// <summary>Longer "return to" addresses are not ours (our longest page address with its query is far shorter).</summary>
    private const int MaxLocalUrlLength = 2048;
}
