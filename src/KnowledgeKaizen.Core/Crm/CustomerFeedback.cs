namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// A complaint, praise or suggestion in the customer's own words (any language), with how it was handled.
/// Searchable as "feedback" documents.
/// </summary>
public class CustomerFeedback : ISearchable
{
    private CustomerFeedback()
    {
        ExternalId = string.Empty;
        Text = string.Empty;
    }

    public CustomerFeedback(string? externalId, FeedbackChannel channel, FeedbackType type, string text,
        DateTime receivedAt, long? customerId = null, long? caseId = null, string? category = null, int? score = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("Feedback needs its text.", nameof(text));
        }

        if (score is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(score), "A score is 1 to 5.");
        }

        ExternalId = externalId ?? "kk-" + Guid.NewGuid().ToString("N");
        Channel = channel;
        Type = type;
        Text = text;
        ReceivedAt = receivedAt;
        CustomerId = customerId;
        CaseId = caseId;
        Category = category;
        Score = score;
    }

    public long Id { get; private set; }

    /// <summary>The CRM\'s id; "kk-…" for feedback recorded in the portal.</summary>
    public string ExternalId { get; private set; }

    public long? CustomerId { get; private set; }

    public long? CaseId { get; private set; }

    public FeedbackChannel Channel { get; private set; }

    public FeedbackType Type { get; private set; }

    public string? Category { get; private set; }

    public string Text { get; private set; }

    /// <summary>1 to 5.</summary>
    public int? Score { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    /// <summary>The rep who handled it.</summary>
    public long? HandledById { get; private set; }

    public string? HandlingRecord { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    /// <summary>The portal user who recorded it (null when it came from the CRM).</summary>
    public string? RecordedByUserId { get; private set; }

    public string SearchDocumentType => SearchDocumentTypes.Feedback;

    /// <summary>The external id: known before the row is inserted, and the same whichever way the record came in.</summary>
    public string SearchDocumentKey => ExternalId;

    public void RecordedBy(string userId) => RecordedByUserId = userId;

    /// <summary>Notes what was done about it; resolving closes it.</summary>
    public void Handle(long? repId, string handlingRecord, DateTime? resolvedAt)
    {
        if (resolvedAt < ReceivedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(resolvedAt), "Feedback cannot be resolved before it was received.");
        }

        HandledById = repId;
        HandlingRecord = string.IsNullOrWhiteSpace(handlingRecord) ? null : handlingRecord;
        ResolvedAt = resolvedAt;
    }
}

internal sealed class CustomerFeedbackConfiguration : IEntityTypeConfiguration<CustomerFeedback>
{
    public void Configure(EntityTypeBuilder<CustomerFeedback> builder)
    {
        builder.ToTable("Feedback");
        builder.Property(f => f.ExternalId).HasMaxLength(64);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Category).HasMaxLength(100);
        builder.Property(f => f.RecordedByUserId).HasMaxLength(450);
        builder.Ignore(f => f.SearchDocumentType);
        builder.Ignore(f => f.SearchDocumentKey);
        builder.HasIndex(f => f.ExternalId).IsUnique();
        builder.HasIndex(f => f.ReceivedAt);
        builder.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Rep>().WithMany().HasForeignKey(f => f.HandledById).OnDelete(DeleteBehavior.Restrict);
    }
}
