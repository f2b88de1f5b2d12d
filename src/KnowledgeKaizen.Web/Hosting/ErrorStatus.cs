using Microsoft.AspNetCore.Antiforgery;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// The status code an unhandled exception answers with. What the client sent wrong (a body the form reader cannot read,
/// a missing antiforgery token, a malformed multipart boundary) is a 4xx, a full or read-only data folder or a database
/// that cannot be reached a 503; only the portal's own faults are a 500.
/// </summary>
internal static class ErrorStatus
{
    public static int For(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ when StorageFailure.Is(exception) || DatabaseUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
        InvalidDataException or IOException when ThrownReadingTheRequest(exception) => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The title of an API problem with this status (English, like the rest of the API's messages).</summary>
    public static string Title(Exception exception, int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than the limit.",
        StatusCodes.Status503ServiceUnavailable when DatabaseUnavailable.Is(exception) => DatabaseMessage,
        StatusCodes.Status503ServiceUnavailable => StorageMessage,
        < 500 => "The request was refused.",
        _ => "An unexpected error occurred.",
    };

    public const string DatabaseMessage =
        "The portal cannot reach its database right now. Nothing from this request was saved; try again in a moment.";

    /// <summary>Seconds a client is asked to wait (Retry-After) when the database cannot be reached.</summary>
    public const int DatabaseRetrySeconds = 5;

    public const string StorageMessage =
        "The portal cannot save right now: its data folder is full or read-only. Nothing from this request was saved; tell an Admin.";

    /// <summary>The multipart and form readers (WebUtilities, the form feature, Kestrel's body) throw these for malformed bodies.</summary>
    private static bool ThrownReadingTheRequest(Exception exception) =>
        exception.TargetSite?.DeclaringType?.FullName is { } thrower
        && (thrower.StartsWith("Microsoft.AspNetCore.WebUtilities.", StringComparison.Ordinal)
            || thrower.StartsWith("Microsoft.AspNetCore.Http.Features.FormFeature", StringComparison.Ordinal)
            || thrower.StartsWith("Microsoft.AspNetCore.Server.Kestrel.", StringComparison.Ordinal));
}
