using KnowledgeKaizen.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Data;

/// <summary>Applies pending migrations (the only way the schema changes) and turns on WAL.</summary>
internal sealed class DatabaseMigrator(KnowledgeKaizenDbContext db) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);

        // WAL lets readers (pages) proceed while a writer (an import) commits; it is persistent per file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
