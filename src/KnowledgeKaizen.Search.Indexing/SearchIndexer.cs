using KnowledgeKaizen.Core.Terms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Keeps this instance's index in step with the database: applies the outbox (and picks up a term map saved on another
/// instance) about once a poll interval (at once while there is a backlog), commits it at most once a commit interval
/// (and when the host stops) and, once caught up, prunes entries every live index has applied (at most hourly). A
/// failure is logged, shown on the index page (<see cref="IndexerState"/>) and retried with a back-off; it never stops the host.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, IOptions<SearchIndexingOptions> options, TimeProvider clock,
    IndexerState state, ILogger<SearchIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var lastPrune = DateTimeOffset.MinValue;
        var lastCommit = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = 0;
            try
            {
                using var scope = scopes.CreateScope();
                var applier = scope.ServiceProvider.GetRequiredService<SearchOutboxApplier>();
                applied = await applier.ApplyBatchAsync(stoppingToken);
                if (clock.GetUtcNow() - lastCommit >= options.Value.CommitInterval && await applier.CommitAsync(stoppingToken))
                {
                    lastCommit = clock.GetUtcNow();
                }

                await scope.ServiceProvider.GetRequiredService<SearchTerms>().RefreshAsync(scope.ServiceProvider.GetRequiredService<TermMapStore>(), stoppingToken);
                if (applied == 0 && clock.GetUtcNow() - lastPrune >= PruneEvery)
                {
                    lastPrune = clock.GetUtcNow();
                    await scope.ServiceProvider.GetRequiredService<ISearchOutboxFeed>().PruneAsync(stoppingToken);
                }

                failures = 0;
                state.Succeeded();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                state.Failed(ex, clock.GetUtcNow());
                logger.LogError(ex, "Applying the search outbox failed (attempt {Attempt}); retrying", failures);
            }

            if (applied >= SearchOutboxApplier.BatchSize)
            {
                continue;
            }

            var delay = failures == 0 ? options.Value.PollInterval : TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await CommitOnStopAsync();
    }

    /// <summary>What was applied since the last commit, made durable as the host stops (else it is applied again at start).</summary>
    private async Task CommitOnStopAsync()
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SearchOutboxApplier>().CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Committing the search index at stop failed; its last changes are applied again at start");
        }
    }
}
