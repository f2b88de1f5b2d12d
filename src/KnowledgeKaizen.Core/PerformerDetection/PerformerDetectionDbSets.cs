using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<FindingSnapshot> FindingSnapshots => Set<FindingSnapshot>();

    public DbSet<PerformerFinding> PerformerFindings => Set<PerformerFinding>();

    public DbSet<CaptureRequest> CaptureRequests => Set<CaptureRequest>();

    public DbSet<UserTask> UserTasks => Set<UserTask>();
}
