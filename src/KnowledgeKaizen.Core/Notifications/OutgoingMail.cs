namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// One e-mail in the outbox: a notification on its own or a day's digest. Written in the same transaction as what it
/// tells of; the mail dispatcher sends it, and a mail server that is down only delays it (retried with back-off).
/// The text is written when it is sent, in <see cref="Culture"/>.
/// </summary>
public class OutgoingMail
{
    public const int MaxErrorLength = 1000;

    private OutgoingMail()
    {
        UserId = string.Empty;
        ToAddress = string.Empty;
        Culture = string.Empty;
    }

    public OutgoingMail(string userId, string toAddress, string culture, bool isDigest, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(toAddress);
        UserId = userId;
        ToAddress = toAddress;
        Culture = string.IsNullOrWhiteSpace(culture) ? "en" : culture;
        IsDigest = isDigest;
        CreatedAt = now;
        NextAttemptAt = now;
        Status = OutgoingMailStatus.Queued;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public string ToAddress { get; private set; }

    /// <summary>The recipient's language when it was queued ("en", "zh-Hans").</summary>
    public string Culture { get; private set; }

    public bool IsDigest { get; private set; }

    /// <summary>The subject line, once it was written (at the first attempt).</summary>
    public string? Subject { get; private set; }

    public OutgoingMailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not sent before this time (the back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(string subject, DateTimeOffset at)
    {
        Attempts++;
        Subject = subject;
        Status = OutgoingMailStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    /// <summary>
    /// Records a failed attempt: the next one waits <paramref name="firstDelay"/>, doubling after each failure up to
    /// <paramref name="longestDelay"/>; after <paramref name="maxAttempts"/> the mail is given up (an Admin may retry).
    /// </summary>
    public void AttemptFailed(string? subject, string error, DateTimeOffset at, TimeSpan firstDelay, TimeSpan longestDelay, int maxAttempts)
    {
        Attempts++;
        Subject = subject ?? Subject;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (Attempts >= maxAttempts)
        {
            Status = OutgoingMailStatus.Failed;
            return;
        }

        var delay = firstDelay * Math.Pow(2, Math.Min(Attempts - 1, 30));
        NextAttemptAt = at + (delay < longestDelay ? delay : longestDelay);
    }

    /// <summary>An Admin sends a failed or waiting mail again now, with a fresh round of attempts.</summary>
    public void RetryNow(DateTimeOffset at)
    {
        if (Status == OutgoingMailStatus.Sent)
        {
            throw new InvalidOperationException($"Mail {Id} was already sent.");
        }

        Status = OutgoingMailStatus.Queued;
        Attempts = 0;
        NextAttemptAt = at;
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMails");
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.Culture).HasMaxLength(16);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.MaxErrorLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
