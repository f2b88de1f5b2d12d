using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Ready only while this instance's index has caught up: no rebuild queued or running (a new instance builds its index
/// before it takes requests), and no change waiting longer than <see cref="MaxLag"/> for the indexer. A search behind a
/// load balancer then finds, on whichever instance, what was saved through another a moment before.
/// </summary>
internal sealed class IndexCaughtUpHealthCheck(ISearchOutboxFeed feed, IJobQueue jobs, IOptions<SearchIndexingOptions> options, TimeProvider clock)
    : IHealthCheck
{
    /// <summary>How long a saved change may wait for this index before the instance stops counting as ready.</summary>
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await jobs.ActiveAsync(SearchIndexMaintenance.JobKindOf(options.Value), cancellationToken) is { } rebuild)
        {
            return HealthCheckResult.Unhealthy($"The search index is being rebuilt (job {rebuild.Id}, {rebuild.Status}).");
        }

        if ((await feed.ReadAsync(1, cancellationToken)).Entries is [var oldest] && clock.GetUtcNow() - oldest.RecordedAt > MaxLag)
        {
            var pending = await feed.PendingAsync(cancellationToken);
            return HealthCheckResult.Unhealthy(
                $"The search index is {pending} changes behind; the oldest was saved {(clock.GetUtcNow() - oldest.RecordedAt).TotalSeconds:F0} s ago.");
        }

        return HealthCheckResult.Healthy("The search index has caught up.");
    }
}
