namespace KnowledgeKaizen.Core.Analytics;

/// <summary>A result a user opened from a logged search, with its 1-based position on the results page.</summary>
public class SearchClick
{
    private SearchClick()
    {
        DocumentType = string.Empty;
        DocumentKey = string.Empty;
    }

    public SearchClick(long queryId, int position, string documentType, string documentKey, DateTime at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        QueryId = queryId;
        Position = position;
        DocumentType = documentType;
        DocumentKey = documentKey;
        At = at;
    }

    public long Id { get; private set; }

    public long QueryId { get; private set; }

    public int Position { get; private set; }

    public string DocumentType { get; private set; }

    public string DocumentKey { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class SearchClickConfiguration : IEntityTypeConfiguration<SearchClick>
{
    public void Configure(EntityTypeBuilder<SearchClick> builder)
    {
        builder.ToTable("SearchClicks");
        builder.Property(c => c.DocumentType).HasMaxLength(32);
        builder.Property(c => c.DocumentKey).HasMaxLength(64);
        builder.HasIndex(c => c.QueryId);
        builder.HasOne<SearchQueryLog>().WithMany().HasForeignKey(c => c.QueryId).OnDelete(DeleteBehavior.Cascade);
    }
}
