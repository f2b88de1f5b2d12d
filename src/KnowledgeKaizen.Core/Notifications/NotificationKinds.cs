namespace KnowledgeKaizen.Core.Notifications;

/// <summary>What a notification tells of; each has its sentence in every language (Web's NotificationText).</summary>
public static class NotificationKinds
{
    public const string SubmittedForReview = "submitted-for-review";
    public const string Approved = "approved";
    public const string Returned = "returned";
    public const string Standardised = "standardised";
    public const string FlaggedOutdated = "flagged-outdated";
    public const string VotedNotHelpful = "voted-not-helpful";
    public const string VerificationDue = "verification-due";
    public const string CaptureRequested = "capture-requested";
    public const string CourseAssigned = "course-assigned";
    public const string CycleCheckDue = "cycle-check-due";
    public const string ImportFailed = "import-failed";
    public const string KudosReceived = "kudos-received";

    public static readonly IReadOnlyList<string> All =
    [
        SubmittedForReview, Approved, Returned, Standardised, FlaggedOutdated, VotedNotHelpful, VerificationDue,
        CaptureRequested, CourseAssigned, CycleCheckDue, ImportFailed, KudosReceived,
    ];
}
