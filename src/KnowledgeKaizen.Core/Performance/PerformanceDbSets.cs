using KnowledgeKaizen.Core.Performance;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<PerformanceSnapshot> PerformanceSnapshots => Set<PerformanceSnapshot>();

    public DbSet<PerformanceFindingRecord> PerformanceFindings => Set<PerformanceFindingRecord>();

    public DbSet<CaptureRequest> CaptureRequests => Set<CaptureRequest>();

    public DbSet<UserTask> UserTasks => Set<UserTask>();
}
