namespace KnowledgeKaizen.Core.Notifications;

/// <summary>How the SMTP connection is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain connection (a relay on the same host or network only).</summary>
    None,

    /// <summary>Connect plainly, then upgrade with STARTTLS (required); usually port 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte; usually port 465.</summary>
    Tls,

    /// <summary>STARTTLS when the server offers it.</summary>
    Auto,
}
