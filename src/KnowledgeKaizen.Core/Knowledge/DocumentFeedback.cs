namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A reader's vote or outdated flag. One per reader and kind (helpful/not helpful share one slot).</summary>
public class DocumentFeedback
{
    private DocumentFeedback()
    {
        UserId = string.Empty;
    }

    public DocumentFeedback(int documentId, string userId, FeedbackKind kind, string? reason, DateTimeOffset at)
    {
        DocumentId = documentId;
        UserId = userId;
        Kind = kind;
        Reason = Trim(reason);
        At = at;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    public string UserId { get; private set; }

    public FeedbackKind Kind { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Whether a verifier has dealt with this outdated flag.</summary>
    public bool Resolved { get; private set; }

    /// <summary>A reader changing their mind replaces the vote rather than adding a second one.</summary>
    public void Change(FeedbackKind kind, string? reason, DateTimeOffset at)
    {
        Kind = kind;
        Reason = Trim(reason);
        At = at;
        Resolved = false;
    }

    internal void Resolve() => Resolved = true;

    internal static string? Trim(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 1000)];
}

internal sealed class DocumentFeedbackConfiguration : IEntityTypeConfiguration<DocumentFeedback>
{
    public void Configure(EntityTypeBuilder<DocumentFeedback> builder)
    {
        builder.ToTable("DocumentFeedback");
        builder.HasIndex(f => new { f.DocumentId, f.UserId, f.Kind });
        builder.Property(f => f.Reason).HasMaxLength(1000);
        builder.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
