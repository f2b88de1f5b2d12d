using KnowledgeKaizen.Core.Terms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Keeps this instance's index in step with the database: applies the outbox (and picks up a term map saved on another
/// instance) about once a poll interval (at once while there is a backlog) and, once caught up, prunes entries every live index has applied (at most hourly). A
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
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = 0;
            try
            {
                using var scope = scopes.CreateScope();
                applied = await scope.ServiceProvider.GetRequiredService<SearchOutboxApplier>().ApplyBatchAsync(stoppingToken);
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
                return;
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
                return;
            }
        }
    }
}
