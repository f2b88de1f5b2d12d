using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
}
