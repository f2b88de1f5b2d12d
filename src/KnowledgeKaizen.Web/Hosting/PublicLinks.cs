namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Absolute links the portal hands out (invite and password links): on the configured
/// <see cref="KaizenOptions.PublicBaseUrl"/>, so a forged Host header can never end up in one. Without that setting
/// they follow the request, as the trusted proxy forwarded it (https behind a TLS proxy).
/// </summary>
public sealed class PublicLinks(IOptions<KaizenOptions> options)
{
    /// <summary><paramref name="path"/> (a path and query on this portal, e.g. from <c>Url.Page</c>) as an absolute URL.</summary>
    public string Absolute(HttpRequest request, string? path)
    {
        path ??= "/";
        return options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/') + path
            : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }
}
