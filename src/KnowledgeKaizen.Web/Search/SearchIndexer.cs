namespace KnowledgeKaizen.Web.Search;

/// <summary>
/// Keeps the index in step with the database: drains the search outbox about once a second (at once while
/// there is a backlog). A failure is logged and retried with a back-off; it never stops the host.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, ILogger<SearchIndexer> logger)
    : BackgroundService
{
    /// <summary>How often the outbox is checked when idle: writes are searchable within about this long.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim wake = new(0);

    /// <summary>Asks for a drain now instead of at the next tick (after a write the user is waiting to find).</summary>
    public void Nudge()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = 0;
            try
            {
                using var scope = scopes.CreateScope();
                applied = await scope.ServiceProvider.GetRequiredService<SearchOutboxDrainer>().DrainBatchAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogError(ex, "Applying the search outbox failed (attempt {Attempt}); retrying", failures);
            }

            if (applied >= SearchOutboxDrainer.BatchSize)
            {
                continue;
            }

            var delay = failures == 0 ? Interval : TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
            try
            {
                await wake.WaitAsync(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}
