using KnowledgeKaizen.Core.Audit;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
}
