namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// Something a user should hear of, in the portal (the bell and the list) and by e-mail as they chose. It keeps
/// what happened, not a sentence: the text is written when it is shown, in the reader's language.
/// </summary>
public class Notification
{
    public const int MaxSubjectLength = 300;
    public const int MaxDetailLength = 1000;

    private Notification()
    {
        UserId = string.Empty;
        Kind = string.Empty;
        Subject = string.Empty;
        Link = string.Empty;
    }

    /// <param name="userId">Who is told.</param>
    /// <param name="kind">One of <see cref="NotificationKinds"/>.</param>
    /// <param name="subject">What it is about, as its readers know it (a document's title, a course's title).</param>
    /// <param name="actor">Who did it, when someone did.</param>
    /// <param name="detail">A comment or reason that came with it.</param>
    /// <param name="link">The portal page of the thing.</param>
    /// <param name="key">Set for reminders: the same key is never told twice to the same user.</param>
    /// <param name="createdAt">When it happened.</param>
    public Notification(string userId, string kind, string subject, string? actor, string? detail, string link, string? key, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/\\", StringComparison.Ordinal))
        {
            throw new ArgumentException("A notification links to a page of the portal.", nameof(link));
        }

        UserId = userId;
        Kind = kind;
        Subject = Clip(subject, MaxSubjectLength) ?? string.Empty;
        Actor = Clip(actor, 256);
        Detail = Clip(detail, MaxDetailLength);
        Link = link;
        Key = key;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public string Kind { get; private set; }

    public string Subject { get; private set; }

    public string? Actor { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>Local URL of the page the notification is about.</summary>
    public string Link { get; private set; }

    public string? Key { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Whether and how the e-mail for it goes out.</summary>
    public NotificationMailState Mail { get; private set; }

    /// <summary>The e-mail that carries it (its own, or a day's digest).</summary>
    public OutgoingMail? OutgoingMail { get; private set; }

    public long? OutgoingMailId { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    /// <summary>Sends it by e-mail on its own, now.</summary>
    internal void MailNow(OutgoingMail mail)
    {
        OutgoingMail = mail;
        Mail = NotificationMailState.Queued;
    }

    /// <summary>Keeps it for the recipient's next daily digest.</summary>
    internal void MailInDigest() => Mail = NotificationMailState.AwaitingDigest;

    /// <summary>Puts it into a digest e-mail.</summary>
    internal void AddTo(OutgoingMail digest)
    {
        OutgoingMail = digest;
        Mail = NotificationMailState.Queued;
    }

    /// <summary>The recipient turned e-mail off before its digest went out.</summary>
    internal void SkipMail() => Mail = NotificationMailState.NotMailed;

    private static string? Clip(string? text, int max)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > max ? trimmed[..max] : trimmed;
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.Property(n => n.Subject).HasMaxLength(Notification.MaxSubjectLength);
        builder.Property(n => n.Actor).HasMaxLength(256);
        builder.Property(n => n.Detail).HasMaxLength(Notification.MaxDetailLength);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.Key).HasMaxLength(200);
        builder.Property(n => n.Mail).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        builder.HasIndex(n => n.Mail);
        builder.HasOne(n => n.OutgoingMail).WithMany().HasForeignKey(n => n.OutgoingMailId).OnDelete(DeleteBehavior.SetNull);
    }
}
