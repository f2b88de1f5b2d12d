namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    /// <summary>Append-only: writers add, indexes read past their <see cref="SearchIndexCursors"/>; only pruning removes.</summary>
    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();

    public DbSet<SearchIndexCursor> SearchIndexCursors => Set<SearchIndexCursor>();
}
