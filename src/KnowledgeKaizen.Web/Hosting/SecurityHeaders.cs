namespace KnowledgeKaizen.Web.Hosting;

internal static class SecurityHeaders
{
    // No inline script anywhere: every script is a file under wwwroot. No inline style either: pages and
    // scripts use the classes in wwwroot/css; only pages marked [DrawsDiagrams] allow them, for Mermaid.
    private const string OtherDirectives =
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; " + OtherDirectives;

    internal const string DiagramPagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " + OtherDirectives;

    /// <summary>
    /// The API reference (Scalar) starts from one inline module script, allowed by the nonce Scalar puts on it for this
    /// response only, and styles itself from script like the diagram pages. Its bundled request-schema code compiles
    /// functions at run time (eval), so this one Admin-only page, whose scripts are all served by the portal, allows it.
    /// </summary>
    internal static string ApiReferencePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; " + OtherDirectives;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var drawsDiagrams = context.GetEndpoint()?.Metadata.GetMetadata<DrawsDiagramsAttribute>() is not null;
                headers.ContentSecurityPolicy = context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] is string nonce
                    ? ApiReferencePolicy(nonce)
                    : drawsDiagrams ? DiagramPagePolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
}
