namespace KnowledgeKaizen.Web.Identity;

/// <summary>The current request's user and client address (as the trusted proxy reports it), for the audit log.</summary>
internal sealed class HttpRequestOrigin(IHttpContextAccessor accessor) : IRequestOrigin
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => accessor.HttpContext?.User.Identity?.Name;

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
