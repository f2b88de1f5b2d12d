using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Terms;
using Microsoft.Extensions.Logging;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// On start, after migrations and demo data: applies what the outbox still holds for this index, then checks the
/// index against the database and queues a rebuild when it is missing, corrupt, stale, incomplete or missed pruned
/// entries. The portal starts at once; search serves the old (or empty) index until the rebuild swaps in.
/// </summary>
public sealed class SearchIndexStartupCheck(SearchIndexMaintenance maintenance, SearchOutboxApplier applier, ISearchOutboxFeed feed,
    SearchTerms terms, TermMapStore termMap, ILogger<SearchIndexStartupCheck> logger) : IStartupTask
{
    public int Order => StartupOrder.SearchIndex;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await terms.RefreshAsync(termMap, cancellationToken);
        var reason = await maintenance.RebuildReasonAsync(cancellationToken);
        if (reason is null)
        {
            await applier.CatchUpAsync(cancellationToken);
            reason = await maintenance.RebuildReasonAsync(cancellationToken);
        }

        if (reason is null)
        {
            return;
        }

        // The rebuild reads the database as it is now, so the entries recorded so far are covered by it.
        var covered = await feed.HighWaterMarkAsync(cancellationToken);
        var job = await maintenance.EnqueueRebuildAsync(null, cancellationToken);
        await feed.AdvanceToAsync(covered, cancellationToken);
        logger.LogInformation("Search index rebuild queued as job {JobId}: {Reason}", job.Id, reason);
    }
}
