using KnowledgeKaizen.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
}
