using KnowledgeKaizen.Core.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// The single source of truth. Each feature declares its own <c>DbSet</c>s in a partial file in its
/// folder and its mapping in one <see cref="IEntityTypeConfiguration{TEntity}"/> per entity, so modules
/// grow without editing this file. The clock stamps the search outbox (the system clock when none is given);
/// the dispatcher hands raised domain events to their handlers inside the save (none are handled without one);
/// every save that starts its own transaction takes its turn at SQLite's write lock (<see cref="WriteTurns"/>).
/// </summary>
public partial class KnowledgeKaizenDbContext(DbContextOptions<KnowledgeKaizenDbContext> options, TimeProvider? clock = null,
    DomainEventDispatcher? events = null, WriteTurns? turns = null)
    : IdentityDbContext<AppUser>(options)
{
    /// <summary>Handlers may raise further events; a chain longer than this is a cycle.</summary>
    private const int MaxEventRounds = 5;

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly List<IDomainEvent> raised = [];

    /// <summary>Whether a save of this context holds the turn at SQLite's write lock (<see cref="WriteTurnInterceptor"/>).</summary>
    internal bool HoldsWriteTurn { get; private set; }

    /// <summary>The clock of this context, for handlers that stamp what they add.</summary>
    public TimeProvider Clock => clock;

    /// <summary>The SQL dialect of the configured database, for the queries written by hand.</summary>
    public ISqlDialect Sql => Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => SqliteDialect.Instance,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => PostgreSqlDialect.Instance,
        var other => throw new NotSupportedException($"No SQL dialect for the database provider {other}."),
    };

    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KnowledgeKaizenDbContext).Assembly);
    }

    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset columns stored as text, so there they are stored as sortable
    /// 64-bit numbers. CRM facts use UTC <see cref="DateTime"/> instead, which SQLite keeps as ISO text that
    /// both sorts and works with strftime() for monthly aggregates. PostgreSQL stores both as real <c>timestamptz</c>.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services =>
            new UnindexedForeignKeyConvention(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }

    /// <summary>Records an event to be handled when this context next saves, in the same transaction.</summary>
    public void Raise(IDomainEvent domainEvent) => raised.Add(domainEvent);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveWithOutboxAndEventsAsync(acceptAllChangesOnSuccess, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveWithOutboxAndEventsAsync(acceptAllChangesOnSuccess, sync: false, cancellationToken);

    private async Task<int> SaveWithOutboxAndEventsAsync(bool acceptAllChangesOnSuccess, bool sync, CancellationToken cancellationToken)
    {
        RefuseChangesToAppendOnlyRows();
        using var turn = turns is null || Database.CurrentTransaction is not null || !Sql.OneWriterAtATime ? null
            : sync ? turns.Take()
            : await turns.TakeAsync(cancellationToken);
        HoldsWriteTurn = turn is not null;
        try
        {
            return await SaveInTurnAsync(acceptAllChangesOnSuccess, sync, cancellationToken);
        }
        finally
        {
            HoldsWriteTurn = false;
        }
    }

    private async Task<int> SaveInTurnAsync(bool acceptAllChangesOnSuccess, bool sync, CancellationToken cancellationToken)
    {
        var added = RecordSearchOutbox(acceptAllChangesOnSuccess);
        var pending = TakeEvents();
        if (added.Count == 0 && pending.Count == 0)
        {
            return sync ? base.SaveChanges(acceptAllChangesOnSuccess) : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is not null ? null
            : sync ? Database.BeginTransaction() : await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var saved = sync ? base.SaveChanges(acceptAllChangesOnSuccess) : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            RecordInserted(added);
            for (var round = 0; pending.Count > 0; round++)
            {
                if (round == MaxEventRounds)
                {
                    throw new InvalidOperationException($"Domain event handlers kept raising events after {MaxEventRounds} rounds: "
                        + string.Join(", ", pending.Select(e => e.GetType().Name).Distinct()));
                }

                foreach (var domainEvent in pending)
                {
                    if (events is not null)
                    {
                        await events.DispatchAsync(domainEvent, this, cancellationToken);
                    }
                }

                pending = TakeEvents();
            }

            if (sync)
            {
                base.SaveChanges(acceptAllChangesOnSuccess);
                own?.Commit();
            }
            else
            {
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private void RefuseChangesToAppendOnlyRows()
    {
        if (ChangeTracker.Entries<IAppendOnly>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } changed)
        {
            throw new InvalidOperationException($"{changed.Entity.GetType().Name} rows are only ever added; this save would {(changed.State == EntityState.Deleted ? "delete" : "change")} one.");
        }
    }

    /// <summary>Events raised on the context and by tracked entities since the last save.</summary>
    private List<IDomainEvent> TakeEvents()
    {
        var taken = new List<IDomainEvent>(raised);
        raised.Clear();
        foreach (var entry in ChangeTracker.Entries<IRaisesEvents>().ToList())
        {
            taken.AddRange(entry.Entity.TakeEvents());
        }

        return taken;
    }

    /// <summary>
    /// Every change to a searchable entity records an outbox row in the same transaction, so the index can
    /// never silently miss a write; the background indexer drains it. Updates and deletes are recorded now;
    /// inserts are returned, because a database-generated key exists only after the insert: they are recorded
    /// right after it, inside the same transaction (see the SaveChanges overrides).
    /// </summary>
    private List<ISearchable> RecordSearchOutbox(bool acceptAllChangesOnSuccess)
    {
        var changed = ChangeTracker.Entries<ISearchable>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var added = new List<ISearchable>();
        foreach (var entry in changed)
        {
            // Without accepting changes the second save would repeat the first, so new rows are recorded
            // up front; their keys are right whenever the key is not generated by the database.
            if (entry.State == EntityState.Added && acceptAllChangesOnSuccess)
            {
                added.Add(entry.Entity);
                continue;
            }

            SearchOutbox.Add(new SearchOutboxEntry(entry.Entity.SearchDocumentType, entry.Entity.SearchDocumentKey,
                entry.State == EntityState.Deleted, clock.GetUtcNow()));
        }

        return added;
    }

    private void RecordInserted(IEnumerable<ISearchable> inserted)
    {
        foreach (var entity in inserted)
        {
            SearchOutbox.Add(new SearchOutboxEntry(entity.SearchDocumentType, entity.SearchDocumentKey, deleted: false, clock.GetUtcNow()));
        }
    }
}
