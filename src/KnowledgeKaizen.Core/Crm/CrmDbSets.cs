namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<SalesStage> SalesStages => Set<SalesStage>();

    public DbSet<Rep> Reps => Set<Rep>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<StageHistoryEntry> StageHistory => Set<StageHistoryEntry>();

    public DbSet<SalesActivity> Activities => Set<SalesActivity>();

    public DbSet<ServiceCase> ServiceCases => Set<ServiceCase>();

    public DbSet<CustomerFeedback> Feedback => Set<CustomerFeedback>();
}
