using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>API errors are ProblemDetails JSON (500s included); page errors fall through to the friendly error page.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = ErrorStatus.For(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, Failed(httpContext));
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", httpContext.Request.Method, Failed(httpContext), status, exception.Message);
        }

        if (!HostingModule.IsApi(Failed(httpContext)))
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (DatabaseUnavailable.Is(exception))
        {
            httpContext.Response.Headers.RetryAfter = ErrorStatus.DatabaseRetrySeconds.ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = ErrorStatus.Title(exception, status) },
        });
    }

    /// <summary>The path that failed: the middleware has already pointed the request at the error page, the feature keeps the original.</summary>
    private static PathString Failed(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : httpContext.Request.Path;
}
