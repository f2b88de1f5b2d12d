using KnowledgeKaizen.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
}
