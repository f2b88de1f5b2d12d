using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeKaizen.Web.Pages;

/// <summary>
/// Friendly error page: never a stack trace. The status code chosen for the error (see <c>ErrorStatus</c>) decides the
/// text: a request that could not be read, a data folder that cannot take a write, a database out of reach, or a fault with
/// a reference to quote.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = string.Empty;

    public int Code { get; private set; }

    /// <summary>The 503 is the database out of reach (try again soon), not a data folder that cannot take a write.</summary>
    public bool DatabaseUnreachable { get; private set; }

    public void OnGet()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Code = Response.StatusCode is >= 400 and var code ? code : StatusCodes.Status500InternalServerError;
        DatabaseUnreachable = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseUnavailable.Is(error);
        if (DatabaseUnreachable)
        {
            Response.Headers.RetryAfter = ErrorStatus.DatabaseRetrySeconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    public void OnPost() => OnGet();
}
