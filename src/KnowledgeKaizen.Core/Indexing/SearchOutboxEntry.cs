namespace KnowledgeKaizen.Core.Indexing;

/// <summary>
/// One change to a searchable entity, recorded in the writer's transaction. Entries are never updated; each index
/// applies them in id order and remembers how far it got (<see cref="SearchIndexCursor"/>).
/// </summary>
public class SearchOutboxEntry
{
    private SearchOutboxEntry()
    {
        DocumentType = string.Empty;
        DocumentKey = string.Empty;
    }

    public SearchOutboxEntry(string documentType, string documentKey, bool deleted, DateTimeOffset recordedAt)
    {
        DocumentType = documentType;
        DocumentKey = documentKey;
        Deleted = deleted;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public string DocumentType { get; private set; }

    public string DocumentKey { get; private set; }

    public bool Deleted { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

internal sealed class SearchOutboxEntryConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> builder)
    {
        builder.ToTable("SearchOutbox");
        builder.Property(e => e.DocumentType).HasMaxLength(32);
        builder.Property(e => e.DocumentKey).HasMaxLength(64);
    }
}
