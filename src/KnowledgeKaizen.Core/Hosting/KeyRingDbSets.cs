namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
