namespace KnowledgeKaizen.Core.Indexing;

/// <summary>
/// How far one search index has read the append-only outbox. Each instance keeps its own index and its own cursor, so
/// instances never share an index or race for entries. What the <see cref="Position"/> counts depends on the database's
/// feed: on SQLite the id of the last entry applied, on PostgreSQL the transaction horizon below which every entry is applied.
/// </summary>
public class SearchIndexCursor
{
    public const int MaxNameLength = 128;

    private SearchIndexCursor()
    {
        Name = string.Empty;
    }

    public SearchIndexCursor(string name, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Length <= MaxNameLength ? name : name[..MaxNameLength];
        UpdatedAt = at;
    }

    /// <summary>The index's instance name.</summary>
    public string Name { get; private set; }

    /// <summary>How far the index has applied the outbox, in its feed's terms.</summary>
    public long Position { get; private set; }

    /// <summary>When the cursor last moved: a cursor that stopped long ago belongs to a retired instance.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Moves forward to <paramref name="position"/>; never back, so a late or repeated acknowledgement is harmless.</summary>
    public void Advance(long position, DateTimeOffset at)
    {
        Position = Math.Max(Position, position);
        UpdatedAt = at;
    }
}

internal sealed class SearchIndexCursorConfiguration : IEntityTypeConfiguration<SearchIndexCursor>
{
    public void Configure(EntityTypeBuilder<SearchIndexCursor> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(SearchIndexCursor.MaxNameLength);
    }
}
