namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<KnowledgeDocument> KnowledgeDocuments => Set<KnowledgeDocument>();

    public DbSet<DocumentRevision> DocumentRevisions => Set<DocumentRevision>();

    public DbSet<DocumentFeedback> DocumentFeedback => Set<DocumentFeedback>();

    public DbSet<SolutionCaseLink> SolutionCaseLinks => Set<SolutionCaseLink>();

    public DbSet<DraftAutosave> DraftAutosaves => Set<DraftAutosave>();
}
