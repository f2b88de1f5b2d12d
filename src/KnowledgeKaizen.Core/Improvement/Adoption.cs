using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

/// <summary>Recognition: one user thanks a contributor. One per giver, receiver and day.</summary>
public class Kudos
{
    public const int MaxMessageLength = 500;

    private Kudos()
    {
        FromUserId = string.Empty;
        FromName = string.Empty;
        ToUserId = string.Empty;
        Message = string.Empty;
    }

    public Kudos(string fromUserId, string fromName, string toUserId, string message, DateTime at)
    {
        if (fromUserId == toUserId)
        {
            throw new ImprovementRuleException("You cannot give kudos to yourself.");
        }

        FromUserId = fromUserId;
        FromName = fromName;
        ToUserId = toUserId;
        Message = ImprovementCycle.Required(message, MaxMessageLength, "Write a short message.");
        GivenAt = at;
        Day = DateOnly.FromDateTime(at);
    }

    public long Id { get; private set; }

    public string FromUserId { get; private set; }

    public string FromName { get; private set; }

    public string ToUserId { get; private set; }

    public string Message { get; private set; }

    public DateTime GivenAt { get; private set; }

    public DateOnly Day { get; private set; }
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

internal sealed class KudosConfiguration : IEntityTypeConfiguration<Kudos>
{
    public void Configure(EntityTypeBuilder<Kudos> builder)
    {
        builder.ToTable("Kudos");
        builder.Property(k => k.FromUserId).HasMaxLength(450);
        builder.Property(k => k.FromName).HasMaxLength(256);
        builder.Property(k => k.ToUserId).HasMaxLength(450);
        builder.Property(k => k.Message).HasMaxLength(Kudos.MaxMessageLength);
        builder.HasIndex(k => new { k.FromUserId, k.ToUserId, k.Day }).IsUnique();
        builder.HasIndex(k => k.ToUserId);
    }
}
