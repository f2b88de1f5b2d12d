using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<ImprovementCycle> ImprovementCycles => Set<ImprovementCycle>();

    public DbSet<CycleLink> CycleLinks => Set<CycleLink>();

    public DbSet<PlaybookApplication> PlaybookApplications => Set<PlaybookApplication>();

    public DbSet<DocumentView> DocumentViews => Set<DocumentView>();

    public DbSet<Kudos> Kudos => Set<Kudos>();

    public DbSet<ProblemCluster> ProblemClusters => Set<ProblemCluster>();
}
