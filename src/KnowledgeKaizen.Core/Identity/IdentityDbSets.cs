using KnowledgeKaizen.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
}
