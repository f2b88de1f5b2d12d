using KnowledgeKaizen.Core.Indexing;

namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>The three kinds of knowledge document.</summary>
public enum DocumentKind
{
    /// <summary>A standard procedure (SDCA): the current standard, with numbered, addressable steps.</summary>
    Procedure = 1,

    /// <summary>A top performer's practice that improves a procedure step (PDCA candidate).</summary>
    Playbook = 2,

    /// <summary>A KCS-style solution article written from service cases.</summary>
    Solution = 3,
}

/// <summary>Where a document is in its review lifecycle.</summary>
public enum DocumentStatus
{
    Draft = 0,
    InReview = 1,
    Published = 2,
    Archived = 3,

    /// <summary>A playbook merged into a new revision of the procedure it improves.</summary>
    Standardised = 4,
}

/// <summary>What a reader said about a published document.</summary>
public enum FeedbackKind
{
    Helpful = 1,
    NotHelpful = 2,
    Outdated = 3,
}

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
