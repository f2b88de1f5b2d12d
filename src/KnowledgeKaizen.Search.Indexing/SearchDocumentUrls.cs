using System.Globalization;
using KnowledgeKaizen.Core.Knowledge;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>Where a hit opens: one rule for the index, the click log's redirect and anything else that links a document.</summary>
public static class SearchDocumentUrls
{
    public static string Knowledge(int documentId) => string.Create(CultureInfo.InvariantCulture, $"/Knowledge/Details/{documentId}");

    /// <summary>A case or feedback item: the search module's read-only record page.</summary>
    public static string Record(string type, string key) => $"/Search/Record/{type}/{Uri.EscapeDataString(key)}";

    /// <summary>The page of (type, key), or null when the type is unknown or the key cannot be one of its documents.</summary>
    public static string? Of(string type, string key)
    {
        if (DocumentKinds.Parse(type) is { } kind && kind.Code() == type)
        {
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Knowledge(id) : null;
        }

        return type is SearchDocumentTypes.Case or SearchDocumentTypes.Feedback ? Record(type, key) : null;
    }
}
