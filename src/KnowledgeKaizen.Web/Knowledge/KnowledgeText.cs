namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>English display texts (localisation keys) for knowledge enums and codes.</summary>
public static class KnowledgeText
{
    public static string Status(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "Draft",
        DocumentStatus.InReview => "In review",
        DocumentStatus.Published => "Published",
        DocumentStatus.Archived => "Archived",
        DocumentStatus.Standardised => "Standardised",
        _ => status.ToString(),
    };

    public static string StatusBadge(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "text-bg-secondary",
        DocumentStatus.InReview => "text-bg-warning",
        DocumentStatus.Published => "text-bg-success",
        DocumentStatus.Standardised => "text-bg-primary",
        _ => "text-bg-dark",
    };

    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.Procedure => "Procedure",
        DocumentKind.Playbook => "Playbook",
        _ => "Solution",
    };

    public static string Plural(DocumentKind kind) => kind switch
    {
        DocumentKind.Procedure => "Procedures",
        DocumentKind.Playbook => "Playbooks",
        _ => "Solutions",
    };

    public static string IndexPage(DocumentKind kind) => $"/{Plural(kind)}/Index";

    /// <summary>A language's name in that language (as language switchers show it): "English", "中文".</summary>
    public static string Language(string code) => code == "zh" ? "中文" : "English";

    /// <summary>The BCP 47 tag of a document language, for lang and hreflang attributes.</summary>
    public static string LanguageTag(string code) => code == "zh" ? "zh-Hans" : "en";

    /// <summary>The document language matching the reader's UI language: "zh" for Chinese, "en" otherwise.</summary>
    public static string ReaderLanguage() =>
        System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
}
