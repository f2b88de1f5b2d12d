using KnowledgeKaizen.Core.Indexing;
using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>The English text (a localisation key) for facet values and engine notices shown on the search page.</summary>
public static class SearchLabels
{
    public static string Type(string value) => value switch
    {
        SearchDocumentTypes.Playbook => "Playbook",
        SearchDocumentTypes.Procedure => "Procedure",
        SearchDocumentTypes.Solution => "Solution",
        SearchDocumentTypes.Case => "Case",
        SearchDocumentTypes.Feedback => "Feedback",
        _ => value,
    };

    public static string Status(string value) => value switch
    {
        "draft" => "Draft",
        "in-review" => "In review",
        "published" => "Published",
        "archived" => "Archived",
        "standardised" => "Standardised",
        "resolved" => "Resolved",
        "open" => "Open",
        _ => value,
    };

    public static string Language(string value) => value switch
    {
        "en" => "English",
        "zh" => "Chinese",
        _ => value,
    };

    public static string Notice(SearchNoticeKind kind) => kind switch
    {
        SearchNoticeKind.QueryTruncated => "Your search was long, so only its beginning was used.",
        SearchNoticeKind.NoSearchableWords => "Your search holds only very common words or symbols; add a more specific word.",
        SearchNoticeKind.RelaxedToAnyWord => "No result holds all your words; showing results with any of them.",
        SearchNoticeKind.ShowingCorrected => "Nothing matched exactly; showing results for the suggested spelling.",
        SearchNoticeKind.ShowingSimilar => "Nothing matched exactly; showing results for similar spellings.",
        _ => kind.ToString(),
    };
}
