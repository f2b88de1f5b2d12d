namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A reader's "I applied this" on a playbook: one per user and playbook, removed when toggled off.</summary>
public class PlaybookApplication
{
    private PlaybookApplication()
    {
        UserId = string.Empty;
    }

    public PlaybookApplication(int documentId, string userId, DateTime appliedAt)
    {
        DocumentId = documentId;
        UserId = userId;
        AppliedAt = appliedAt;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    public string UserId { get; private set; }

    public DateTime AppliedAt { get; private set; }
}

internal sealed class PlaybookApplicationConfiguration : IEntityTypeConfiguration<PlaybookApplication>
{
    public void Configure(EntityTypeBuilder<PlaybookApplication> builder)
    {
        builder.ToTable("PlaybookApplications");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.DocumentId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.AppliedAt);
    }
}
