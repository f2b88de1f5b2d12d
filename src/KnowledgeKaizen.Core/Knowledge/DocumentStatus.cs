namespace KnowledgeKaizen.Core.Knowledge;

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
