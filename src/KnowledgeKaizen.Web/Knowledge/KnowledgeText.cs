using KnowledgeKaizen.Core.Knowledge;

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

    public static string Language(string code) => code == "zh" ? "中文" : "English";
}
