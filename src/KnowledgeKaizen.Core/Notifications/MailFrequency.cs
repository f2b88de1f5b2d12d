namespace KnowledgeKaizen.Core.Notifications;

/// <summary>How a user wants their notifications by e-mail (in the portal they always appear).</summary>
public enum MailFrequency
{
    /// <summary>One e-mail per notification, as it happens.</summary>
    Immediate = 0,

    /// <summary>One e-mail a day listing the day's notifications.</summary>
    DailyDigest = 1,

    /// <summary>No e-mail.</summary>
    Off = 2,
}
