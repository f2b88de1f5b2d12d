namespace KnowledgeKaizen.Core.Data;

/// <summary>Applies pending migrations (the only way the schema changes) and the dialect's database settings.</summary>
internal sealed class DatabaseMigrator(KnowledgeKaizenDbContext db) : IStartupTask
{
    public int Order => StartupOrder.Database;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Sql.AfterMigration is { } settings)
        {
            await db.Database.ExecuteSqlRawAsync(settings, cancellationToken);
        }
    }
}
