using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;

namespace KnowledgeKaizen.Web.Localization;

public static class LocalizationModule
{
    /// <summary>The UI languages the portal ships.</summary>
    public static readonly IReadOnlyList<CultureInfo> Cultures = [new("en"), new("zh-Hans")];

    /// <summary>
    /// English and Simplified Chinese. The user's choice is a cookie; without one, the browser's
    /// Accept-Language decides (zh-CN, zh-SG fall back to zh-Hans).
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        // Razor would otherwise emit every Chinese character as a numeric entity: correct but 3x larger and
        // unreadable in page source and tests.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<JsonStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<JsonStringLocalizerFactory>());
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddScoped<KnowledgeKaizen.Core.Crm.NameDirectory>();
        services.AddScoped<DisplayNames>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = [.. Cultures];
            options.SupportedUICultures = [.. Cultures];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Switches the UI language: stores the choice in the culture cookie for a year.</summary>
    public static void SetCultureCookie(HttpResponse response, string culture, DateTimeOffset now)
    {
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = now.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });
    }

    public static bool IsSupported(string? culture) =>
        culture is not null && Cultures.Any(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
}
