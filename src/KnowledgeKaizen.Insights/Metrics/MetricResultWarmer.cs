using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// Keeps the first view of a dashboard after a write as fast as the next: every
/// <see cref="MetricsOptions.WarmEverySeconds"/> it asks this instance's result cache what a manager opening each
/// dashboard with the default filter asks. While the data is unchanged these are cache hits (one version read each);
/// after an import or a write they are computed here, in the background, so whoever opens the page next finds them
/// ready instead of waiting for the aggregates and the live edge months. Other filters and the rep pages are computed
/// by their first request, as before.
/// </summary>
public sealed class MetricResultWarmer(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, TimeProvider clock,
    ILogger<MetricResultWarmer> logger) : BackgroundService
{
    /// <summary>A manager's view: every rep.</summary>
    private static readonly MetricViewer Manager = MetricViewer.AllReps;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WarmEverySeconds == 0)
        {
            return;
        }

        var every = TimeSpan.FromSeconds(options.Value.WarmEverySeconds);
        var pause = every;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, clock, stoppingToken);
                var started = clock.GetTimestamp();
                await WarmAsync(stoppingToken);
                pause = NextPause(every, clock.GetElapsedTime(started));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy or briefly unreachable database: the next tick tries again, and a page computes what it needs.
                logger.LogDebug(e, "Warming the dashboards' results failed; trying again at the next tick");
                pause = every;
            }
        }
    }

    /// <summary>
    /// The wait before the next pass: the interval, or as long as the last pass took when that was longer. On a large
    /// history a pass after a write takes seconds, and writes may come every few seconds all day: the warmer then uses
    /// at most half of one core instead of all of it.
    /// </summary>
    internal static TimeSpan NextPause(TimeSpan every, TimeSpan took) => took > every ? took : every;

    /// <summary>Computes, or finds cached, what the dashboards' default views show a manager now.</summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var metrics = scope.ServiceProvider.GetRequiredService<ProcessMetrics>();
        var filter = MetricFilter.Default(clock.GetUtcNow().UtcDateTime);
        await metrics.FilterOptionsAsync(Manager, ct);
        await metrics.OverviewAsync(filter, ct);
        await metrics.RepStageMatrixAsync(Manager, filter, ct);
        await metrics.ServiceAsync(filter, ct);
        await metrics.FeedbackAsync(filter, ct);
    }
}
