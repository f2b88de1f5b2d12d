using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Core.Search;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// The single source of truth. Each feature declares its own <c>DbSet</c>s in a partial file in its
/// folder and its mapping in one <see cref="IEntityTypeConfiguration{TEntity}"/> per entity, so modules
/// grow without editing this file.
/// </summary>
public partial class KnowledgeKaizenDbContext(DbContextOptions<KnowledgeKaizenDbContext> options)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();

    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KnowledgeKaizenDbContext).Assembly);
    }

    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset columns stored as text, so they are stored as sortable
    /// 64-bit numbers. CRM facts use UTC <see cref="DateTime"/> instead, which SQLite keeps as ISO text that
    /// both sorts and works with strftime() for monthly aggregates.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RecordSearchOutbox();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RecordSearchOutbox();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every change to a searchable entity records an outbox row in the same SaveChanges (and so the same
    /// transaction), so the index can never silently miss a write; the background indexer drains it.
    /// </summary>
    private void RecordSearchOutbox()
    {
        var changed = ChangeTracker.Entries<ISearchable>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changed)
        {
            SearchOutbox.Add(new SearchOutboxEntry(entry.Entity.SearchDocumentType, entry.Entity.SearchDocumentKey,
                entry.State == EntityState.Deleted));
        }
    }
}
