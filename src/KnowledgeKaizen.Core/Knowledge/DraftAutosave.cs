namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>The editor's autosave slot: one per user and document (or per user and kind for a new one).</summary>
public class DraftAutosave
{
    private DraftAutosave()
    {
        UserId = string.Empty;
        SlotKey = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    public DraftAutosave(string userId, string slotKey, string title, string body, int? baseVersion, DateTimeOffset at)
    {
        UserId = userId;
        SlotKey = slotKey;
        Title = title;
        Body = body;
        BaseVersion = baseVersion;
        SavedAt = at;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>"doc-42" for an existing document, "new-playbook" for one not saved yet.</summary>
    public string SlotKey { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>Document version the editor started from.</summary>
    public int? BaseVersion { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public void Update(string title, string body, int? baseVersion, DateTimeOffset at)
    {
        Title = title;
        Body = body;
        BaseVersion = baseVersion;
        SavedAt = at;
    }
}

internal sealed class DraftAutosaveConfiguration : IEntityTypeConfiguration<DraftAutosave>
{
    public void Configure(EntityTypeBuilder<DraftAutosave> builder)
    {
        builder.ToTable("DraftAutosaves");
        builder.HasIndex(a => new { a.UserId, a.SlotKey }).IsUnique();
        builder.Property(a => a.SlotKey).HasMaxLength(64);
        builder.Property(a => a.Title).HasMaxLength(KnowledgeDocument.MaxTitleLength);
    }
}
