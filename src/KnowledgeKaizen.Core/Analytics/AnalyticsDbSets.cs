using KnowledgeKaizen.Core.Analytics;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<SearchQueryLog> SearchQueries => Set<SearchQueryLog>();

    public DbSet<SearchClick> SearchClicks => Set<SearchClick>();
}
