namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A reviewer's decision, kept so the author sees why a draft came back.</summary>
public class ReviewComment
{
    private ReviewComment()
    {
        ReviewerName = string.Empty;
        Comment = string.Empty;
    }

    internal ReviewComment(int revisionNumber, string reviewerUserId, string reviewerName, bool approved, string comment, DateTimeOffset at)
    {
        RevisionNumber = revisionNumber;
        ReviewerUserId = reviewerUserId;
        ReviewerName = reviewerName;
        Approved = approved;
        Comment = comment;
        At = at;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    public int RevisionNumber { get; private set; }

    public string? ReviewerUserId { get; private set; }

    public string ReviewerName { get; private set; }

    public bool Approved { get; private set; }

    public string Comment { get; private set; }

    public DateTimeOffset At { get; private set; }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("DocumentReviewComments");
        builder.Property(c => c.ReviewerName).HasMaxLength(256);
        builder.Property(c => c.Comment).HasMaxLength(4000);
    }
}
