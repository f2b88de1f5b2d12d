using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>API errors are ProblemDetails; page errors fall through to the friendly error page.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!HostingModule.IsApi(httpContext.Request))
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
