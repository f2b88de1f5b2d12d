using Microsoft.AspNetCore.Antiforgery;

namespace KnowledgeKaizen.Web.Identity;

/// <summary>
/// API writes a browser may make with its sign-in cookie must also carry the antiforgery token (the
/// <c>RequestVerificationToken</c> header or form field the pages render): a browser sends the cookie along with any
/// request another site makes it send (a form posting <c>text/plain</c>, say). A bearer API token is never sent by a
/// browser on its own, so token callers need no antiforgery token.
/// </summary>
public static class CookieCallerAntiforgery
{
    // Marks an endpoint as checked, so a test can find a write that is not.
    private static readonly AntiforgeryForCookies Required = new();

    /// <summary>Checks the antiforgery token of every POST, PUT, PATCH and DELETE that does not carry an API token.</summary>
    public static TBuilder RequireAntiforgeryForCookies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Required).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || CarriesApiToken(http.Request)
                || await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                return await next(context);
            }

            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "The request verification token is missing or invalid. Reload the page, or call the API with a bearer API token.");
        });

    private static bool CarriesApiToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && ApiTokenAuthenticator.LooksLikeToken(header["Bearer ".Length..].Trim());
}

/// <summary>Marks an endpoint whose cookie callers must send the antiforgery token.</summary>
public sealed record AntiforgeryForCookies;
