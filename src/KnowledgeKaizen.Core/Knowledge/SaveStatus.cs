namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>What happened to an edit.</summary>
public enum SaveStatus
{
    Saved,
    NotFound,
    Forbidden,

    /// <summary>Someone else saved since the editor opened the document; nothing was written.</summary>
    Conflict,

    /// <summary>A rule refused the edit; <see cref="SaveOutcome.Error"/> says which.</summary>
    Invalid,
}
