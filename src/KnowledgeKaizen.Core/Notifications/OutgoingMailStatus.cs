namespace KnowledgeKaizen.Core.Notifications;

public enum OutgoingMailStatus
{
    /// <summary>Waiting for its next attempt (the first, or a retry after a failure).</summary>
    Queued = 0,

    /// <summary>The mail server accepted it.</summary>
    Sent = 1,

    /// <summary>Every attempt failed; an Admin may send it again.</summary>
    Failed = 2,
}
