using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Imports a crash left running are marked failed (their transaction never committed).</summary>
internal sealed class ImportRecovery(KnowledgeKaizenDbContext db, TimeProvider clock) : IStartupTask
{
    public int Order => StartupOrder.ImportRecovery;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var record in await db.Imports.Where(r => r.Status == ImportStatus.Running).ToListAsync(cancellationToken))
        {
            record.Fail("Interrupted by a restart; nothing it did was kept. Run it again.", clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
