using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Web.Hosting;

public static class WebModule
{
    /// <summary>Razor Pages, error handling, health checks and request limits.</summary>
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        // Forms are validated on the server only (no client validation library is shipped). With client validation
        // off, an empty validation summary is not rendered at all, instead of a box with <li style="display:none">
        // that the Content-Security-Policy would block.
        builder.Services.AddRazorPages()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "kk.csrf");
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Navigation>();
        builder.Services.AddNavItem(new NavItem("Home", "/Index", Policies.Reader, 0, "house"));
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<KaizenOptions>>((form, kaizen) =>
            form.MultipartBodyLengthLimit = kaizen.Value.MaxUploadMegabytes * 1024L * 1024L);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = (context.Configuration.GetValue<int?>($"{KaizenOptions.Section}:{nameof(KaizenOptions.MaxUploadMegabytes)}") ?? 200) * 1024L * 1024L);
        return builder;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
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

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapPost("/culture", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (LocalizationModule.IsSupported(culture))
            {
                LocalizationModule.SetCultureCookie(http.Response, culture);
            }

            return Results.LocalRedirect(SafeLocalUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The settings and the data folder, checked before anything uses them, so a bad setting ends start-up
    /// with one line naming it instead of a stack trace from deep inside a service.
    /// </summary>
    public static string? FindSettingProblem(this WebApplication app)
    {
        try
        {
            return app.Services.GetRequiredService<DataFolder>().EnsureWritable();
        }
        catch (OptionsValidationException ex)
        {
            return $"invalid setting {KaizenOptions.Section}: {string.Join("; ", ex.Failures)}";
        }
    }

    /// <summary>Runs the start-up tasks (schema, roles, first Admin, content), then serves.</summary>
    public static async Task<int> RunPortalAsync(this WebApplication app)
    {
        await RunStartupTasksAsync(app.Services, app.Lifetime.ApplicationStopping);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("KnowledgeKaizen is listening on {Urls}. Sign in with the Admin email {AdminEmail}.",
                urls, app.Services.GetRequiredService<IOptions<KaizenOptions>>().Value.AdminEmail);
        });
        await app.RunAsync();
        return 0;
    }

    internal static async Task RunStartupTasksAsync(IServiceProvider services, CancellationToken ct)
    {
        using var probe = services.CreateScope();
        var order = probe.ServiceProvider.GetServices<IStartupTask>().Select((t, i) => (t.Order, Index: i)).OrderBy(t => t.Order).ThenBy(t => t.Index).Select(t => t.Index).ToList();
        foreach (var index in order)
        {
            // A scope per task: each sees the database as the previous tasks left it.
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetServices<IStartupTask>().ElementAt(index).RunAsync(ct);
        }
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    internal static string SafeLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}

/// <summary>API errors are ProblemDetails; page errors fall through to the friendly error page.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!WebModule.IsApi(httpContext.Request))
        {
            return false;
        }

        logger.LogError(exception, "Unhandled API error on {Path}", httpContext.Request.Path);
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = status == 500 ? "An unexpected error occurred." : exception.Message },
        });
    }
}
