using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Web.Notifications;

/// <summary>
/// The sentence of each kind of notification, in the current UI language: the bell's list and the e-mails say the
/// same thing.
/// </summary>
public sealed class NotificationText(IStringLocalizer<SharedResource> l)
{
    /// <summary>What capture requests sent by the portal itself (not by a manager) name as their sender.</summary>
    private const string AutomaticSender = "automatic";

    public string Sentence(Notification n) => n.Kind switch
    {
        NotificationKinds.SubmittedForReview => l["{0} submitted “{1}” for review.", Who(n), n.Subject],
        NotificationKinds.Approved => l["{0} approved “{1}”.", Who(n), n.Subject],
        NotificationKinds.Returned => l["{0} returned “{1}” to you with a comment.", Who(n), n.Subject],
        NotificationKinds.Standardised => l["Your playbook “{0}” became part of the procedure “{1}”.", n.Subject, n.Detail ?? string.Empty],
        NotificationKinds.FlaggedOutdated => l["{0} flagged “{1}” as outdated.", Who(n), n.Subject],
        NotificationKinds.VotedNotHelpful => l["{0} found “{1}” not helpful.", Who(n), n.Subject],
        NotificationKinds.VerificationDue => l["“{0}” is due for verification on {1}.", n.Subject, LongDate(n.Detail)],
        NotificationKinds.CaptureRequested => l["{0} asks you to write down how you work at the stage “{1}”.", Who(n), StageName(n)],
        NotificationKinds.CourseAssigned => l["{0} assigned you the course “{1}”.", Who(n), n.Subject],
        NotificationKinds.CycleCheckDue => l["The improvement cycle “{0}” reached its check date ({1}).", n.Subject, LongDate(n.Detail)],
        NotificationKinds.ImportFailed => l["The import of {0} applied nothing.", n.Subject],
        NotificationKinds.KudosReceived => l["{0} gave you kudos.", Who(n)],
        _ => n.Subject,
    };

    /// <summary>The comment, reason or message that came with it, shown under the sentence; null when none.</summary>
    public static string? Quote(Notification n) => n.Kind switch
    {
        NotificationKinds.KudosReceived => n.Subject,
        NotificationKinds.Standardised or NotificationKinds.VerificationDue or NotificationKinds.CaptureRequested or NotificationKinds.CycleCheckDue => null,
        _ => n.Detail,
    };

    /// <summary>Bootstrap Icons name for the kind.</summary>
    public static string Icon(Notification n) => n.Kind switch
    {
        NotificationKinds.SubmittedForReview => "inbox",
        NotificationKinds.Approved => "check-circle",
        NotificationKinds.Returned => "arrow-return-left",
        NotificationKinds.Standardised => "diagram-3",
        NotificationKinds.FlaggedOutdated => "flag",
        NotificationKinds.VotedNotHelpful => "hand-thumbs-down",
        NotificationKinds.VerificationDue => "calendar-check",
        NotificationKinds.CaptureRequested => "pencil-square",
        NotificationKinds.CourseAssigned => "mortarboard",
        NotificationKinds.CycleCheckDue => "arrow-repeat",
        NotificationKinds.ImportFailed => "exclamation-triangle",
        NotificationKinds.KudosReceived => "award",
        _ => "bell",
    };

    private string Who(Notification n) =>
        n.Actor is null ? l["Someone"] : n.Actor == AutomaticSender ? l["The portal"] : n.Actor;

    /// <summary>Capture requests keep the stage's English name as the subject and its Chinese name as the detail.</summary>
    private static string StageName(Notification n) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(n.Detail) ? n.Detail : n.Subject;

    private static string LongDate(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("D", CultureInfo.CurrentCulture)
            : isoDate ?? string.Empty;
}
