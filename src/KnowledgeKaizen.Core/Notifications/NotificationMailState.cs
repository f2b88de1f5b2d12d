namespace KnowledgeKaizen.Core.Notifications;

/// <summary>Where a notification's e-mail stands.</summary>
public enum NotificationMailState
{
    /// <summary>No e-mail: the recipient turned it off, has no address, or e-mail is not configured.</summary>
    NotMailed = 0,

    /// <summary>Waits for the recipient's next daily digest.</summary>
    AwaitingDigest = 1,

    /// <summary>In an <see cref="OutgoingMail"/> (see its status).</summary>
    Queued = 2,
}
