namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>What became of a request to send a capture request.</summary>
public enum CaptureSendStatus
{
    Sent,
    FindingNotFound,
    NotStandout,

    /// <summary>The rep has no portal account to ask: a manager should invite them first.</summary>
    NoPortalUser,

    /// <summary>An open or answered request for this rep and stage already exists.</summary>
    AlreadyRequested,
}
