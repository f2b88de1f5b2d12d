namespace KnowledgeKaizen.Core.Knowledge;

public static class DocumentKinds
{
    /// <summary>Search document type and content/ folder stem: "procedure", "playbook", "solution".</summary>
    public static string Code(this DocumentKind kind) => kind switch
    {
        DocumentKind.Procedure => SearchDocumentTypes.Procedure,
        DocumentKind.Playbook => SearchDocumentTypes.Playbook,
        DocumentKind.Solution => SearchDocumentTypes.Solution,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static DocumentKind? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        SearchDocumentTypes.Procedure or "procedures" => DocumentKind.Procedure,
        SearchDocumentTypes.Playbook or "playbooks" => DocumentKind.Playbook,
        SearchDocumentTypes.Solution or "solutions" => DocumentKind.Solution,
        _ => null,
    };

    /// <summary>The sales stage codes documents may be linked to.</summary>
    public static readonly IReadOnlyList<string> Stages = ["qualify", "discover", "propose", "quote", "negotiate", "close"];

    /// <summary>Languages of the library: English and Simplified Chinese.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "zh"];
}
