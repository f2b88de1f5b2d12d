namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// Settings under "KnowledgeKaizen:Mail": the SMTP server notifications are sent through. With no
/// <see cref="Host"/> e-mail is off and notifications appear in the portal only.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "KnowledgeKaizen:Mail";

    /// <summary>The SMTP server's name or address; empty turns e-mail off.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Account to sign in to the server with; empty sends without signing in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. "KnowledgeKaizen &lt;kaizen@example.com&gt;".</summary>
    public string? From { get; set; }

    /// <summary>The address people open the portal at; links in e-mails start with it.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5000";

    /// <summary>How long the first retry waits after a failed attempt; each further one waits twice as long.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a mail is given up (an Admin can send it again).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Hour of the day (UTC) the daily digests go out.</summary>
    [Range(0, 23)]
    public int DigestHourUtc { get; set; } = 7;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !MimeKit.MailboxAddress.TryParse(From ?? string.Empty, out _))
        {
            yield return new ValidationResult("Mail:From must be a sender address when Mail:Host is set.", [nameof(From)]);
        }

        if (!Uri.TryCreate(PortalUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Mail:PortalUrl must be an http(s) address.", [nameof(PortalUrl)]);
        }

        if (RetryAfter <= TimeSpan.Zero || LongestRetryDelay < RetryAfter || PollInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Mail:RetryAfter and Mail:PollInterval must be positive, Mail:LongestRetryDelay at least RetryAfter.");
        }
    }
}
