namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A reader opened a document; at most one row per user, document and day (reloads do not inflate it).</summary>
public class DocumentView
{
    private DocumentView()
    {
        UserId = string.Empty;
    }

    public DocumentView(int documentId, string userId, DateOnly day)
    {
        DocumentId = documentId;
        UserId = userId;
        Day = day;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    public string UserId { get; private set; }

    public DateOnly Day { get; private set; }
}

internal sealed class DocumentViewConfiguration : IEntityTypeConfiguration<DocumentView>
{
    public void Configure(EntityTypeBuilder<DocumentView> builder)
    {
        builder.ToTable("DocumentViews");
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.HasIndex(v => new { v.DocumentId, v.UserId, v.Day }).IsUnique();
        builder.HasIndex(v => v.Day);
    }
}
