using KnowledgeKaizen.Core.Hosting;

namespace KnowledgeKaizen.Web.Search;

/// <summary>
/// On start, after migrations and demo data: applies what the outbox still holds, then checks the index
/// against the database and queues a rebuild when it is missing, corrupt, stale or incomplete. The portal
/// starts at once; search serves the old (or empty) index until the rebuild swaps in.
/// </summary>
public sealed class SearchIndexStartupCheck(SearchIndexMaintenance maintenance, SearchOutboxDrainer drainer,
    ILogger<SearchIndexStartupCheck> logger) : IStartupTask
{
    public int Order => 40;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reason = await maintenance.RebuildReasonAsync(cancellationToken);
        if (reason is null)
        {
            int applied;
            do
            {
                applied = await drainer.DrainBatchAsync(cancellationToken);
            }
            while (applied > 0);

            reason = await maintenance.RebuildReasonAsync(cancellationToken);
        }

        if (reason is null)
        {
            return;
        }

        // The rebuild reads the database as it is now, so the pending outbox entries are covered by it.
        var covered = await drainer.HighWaterMarkAsync(cancellationToken);
        var job = await maintenance.EnqueueRebuildAsync(null, cancellationToken);
        await drainer.ForgetUpToAsync(covered, cancellationToken);
        logger.LogInformation("Search index rebuild queued as job {JobId}: {Reason}", job.Id, reason);
    }
}
