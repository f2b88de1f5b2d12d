namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>
/// Something a user is asked to do, shown in their task list and counted in the layout's badge until read.
/// Generic on purpose: a capture request is one kind; other features can add theirs.
/// </summary>
public class UserTask
{
    private UserTask()
    {
        UserId = string.Empty;
        Kind = string.Empty;
        Title = string.Empty;
        Link = string.Empty;
    }

    public UserTask(string userId, string kind, string title, string link, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/\\", StringComparison.Ordinal))
        {
            throw new ArgumentException("A task links to a page of the portal.", nameof(link));
        }

        UserId = userId;
        Kind = kind;
        Title = title;
        Link = link;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>e.g. "capture-request".</summary>
    public string Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>Local URL of the page where the task is done.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public bool IsDone => DoneAt is not null;

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    /// <summary>Done implies read.</summary>
    public void Complete(DateTimeOffset at)
    {
        MarkRead(at);
        DoneAt ??= at;
    }
}

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTask>
{
    public void Configure(EntityTypeBuilder<UserTask> builder)
    {
        builder.ToTable("UserTasks");
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Kind).HasMaxLength(64);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.Property(t => t.Link).HasMaxLength(500);
        builder.HasIndex(t => new { t.UserId, t.ReadAt });
    }
}
