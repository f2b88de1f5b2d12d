using Microsoft.Net.Http.Headers;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// The content types the import API reads, and nothing else: <c>text/plain</c> in particular is what a cross-site form
/// can send, so it is refused rather than guessed at.
/// </summary>
internal static class ImportContentTypes
{
    private static readonly string[] Accepted = ["text/csv", "application/json", "application/x-ndjson", "multipart/form-data"];

    public static bool Accepts(string? contentType) => MediaType(contentType) is { } type && Accepted.Contains(type, StringComparer.OrdinalIgnoreCase);

    public static bool IsJson(string? contentType) => MediaType(contentType) is "application/json" or "application/x-ndjson";

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
}
