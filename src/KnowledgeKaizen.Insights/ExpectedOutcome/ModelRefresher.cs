using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>
/// Every <see cref="ExpectedOutcomeOptions.ServingCheckInterval"/>, reads which model version is promoted and loads it
/// when another instance promoted a newer one, so this instance serves it within the interval without a request paying
/// for the load.
/// </summary>
internal sealed class ModelRefresher(ModelStore store, ExpectedOutcomeOptions options, TimeProvider clock, ILogger<ModelRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ServingCheckInterval, clock);
        int? serving = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var version = (await store.RefreshAsync(stoppingToken))?.Report.Version;
                if (version != serving && serving is not null)
                {
                    logger.LogInformation("Serving expected-outcome model v{Version} (was v{Previous})", version, serving);
                }

                serving = version;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is away for a moment must not end the checks; the next tick tries again.
                logger.LogWarning(e, "Could not check which expected-outcome model is promoted");
            }
        }
    }
}
