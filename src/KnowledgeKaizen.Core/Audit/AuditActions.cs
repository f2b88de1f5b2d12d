namespace KnowledgeKaizen.Core.Audit;

/// <summary>What an <see cref="AuditEntry"/> records, as stored, with the English label pages translate.</summary>
public static class AuditActions
{
    public const string SignedIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string Invited = "account-invited";
    public const string RolesChanged = "roles-changed";
    public const string Locked = "account-locked";
    public const string Unlocked = "account-unlocked";
    public const string SessionsEnded = "sessions-ended";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string DocumentApproved = "document-approved";
    public const string DocumentReturned = "document-returned";
    public const string DocumentStandardised = "document-standardised";
    public const string DocumentArchived = "document-archived";
    public const string DocumentRestored = "document-restored";
    public const string ImportFinished = "import-finished";
    public const string Exported = "exported";
    public const string Removed = "removed";
    public const string BackupCreated = "backup-created";
    public const string BackupRestored = "backup-restored";

    /// <summary>Every action with its label, in the order the filter lists them.</summary>
    public static IReadOnlyList<(string Action, string Label)> All { get; } =
    [
        (SignedIn, "Signed in"),
        (SignInFailed, "Sign-in failed"),
        (Invited, "Account invited"),
        (RolesChanged, "Roles changed"),
        (Locked, "Account locked"),
        (Unlocked, "Account unlocked"),
        (SessionsEnded, "Signed out everywhere"),
        (TokenCreated, "API token created"),
        (TokenRevoked, "API token revoked"),
        (DocumentApproved, "Approved"),
        (DocumentReturned, "Returned"),
        (DocumentStandardised, "Standardised"),
        (DocumentArchived, "Archived"),
        (DocumentRestored, "Revision restored"),
        (ImportFinished, "Import finished"),
        (Exported, "Exported"),
        (Removed, "Removed"),
        (BackupCreated, "Backup taken"),
        (BackupRestored, "Backup restored"),
    ];

    public static string Label(string action) => All.FirstOrDefault(a => a.Action == action).Label ?? action;
}
