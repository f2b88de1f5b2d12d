using KnowledgeKaizen.Core.Indexing;
using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>
/// The English text (a localisation key) for facet values and engine notices shown on the search page: the one place
/// the search page turns codes (types, statuses, stages, record categories) into names.
/// </summary>
public static class SearchLabels
{
    /// <summary>Category and kind codes of service cases and feedback (they arrive as tags), with their names.</summary>
    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["complaint"] = "Complaint",
        ["praise"] = "Praise",
        ["suggestion"] = "Suggestion",
        ["account_access"] = "Account access",
        ["billing"] = "Billing",
        ["delivery"] = "Delivery",
        ["installation"] = "Installation",
        ["integration"] = "Integration",
        ["performance"] = "System performance",
        ["product_setup"] = "Product setup",
        ["training"] = "Training",
        ["delivery_tracking"] = "Delivery tracking",
        ["fast_resolution"] = "Fast resolution",
        ["feature_request"] = "Feature request",
        ["good_training"] = "Good training",
        ["helpful_staff"] = "Helpful staff",
        ["invoice_error"] = "Invoice error",
        ["late_delivery"] = "Late delivery",
        ["portal_usability"] = "Portal usability",
        ["pricing"] = "Pricing",
        ["product_quality"] = "Product quality",
        ["reliable_product"] = "Reliable product",
        ["reporting"] = "Reporting",
        ["slow_response"] = "Slow response",
    };

    /// <summary>"zh" when the page is shown in Chinese, else "en": the language versions and badges are chosen by it.</summary>
    public static string ReaderLanguage =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";

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

    /// <summary>A tag: record categories and kinds by name (late_delivery → Late delivery), authors' tags as written.</summary>
    public static string Tag(string value) => Categories.GetValueOrDefault(value, value);

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
