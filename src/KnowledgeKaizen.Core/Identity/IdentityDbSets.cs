using KnowledgeKaizen.Core.Identity;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
}
