namespace KnowledgeKaizen.Core.Jobs;

/// <summary>Runs each <see cref="PeriodicTask"/> on a timer of its own in this process (single-instance mode only).</summary>
internal sealed class PeriodicTaskRunner(IServiceScopeFactory scopes, IEnumerable<PeriodicTask> tasks, JobsMode mode, TimeProvider clock,
    ILogger<PeriodicTaskRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        mode.Clustered ? Task.CompletedTask : Task.WhenAll(tasks.Select(t => LoopAsync(t, stoppingToken)));

    private async Task LoopAsync(PeriodicTask task, CancellationToken stoppingToken)
    {
        TimeSpan interval;
        using (var scope = scopes.CreateScope())
        {
            interval = task.Interval(scope.ServiceProvider);
        }

        using var timer = new PeriodicTimer(interval, clock);
        if (!task.RunAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            await RunOnceAsync(scopes, task, logger, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One run; a locked database, a transient error or a timeout of its own must not end the schedule: the next run
    /// tries again. Only the host's stopping ends it.
    /// </summary>
    internal static async Task RunOnceAsync(IServiceScopeFactory scopes, PeriodicTask task, ILogger logger, CancellationToken ct)
    {
        try
        {
            // An async scope: some services of a check only dispose asynchronously (the mail outbox's SMTP client).
            await using var scope = scopes.CreateAsyncScope();
            await task.RunAsync(scope.ServiceProvider, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "The periodic check {Name} failed; it runs again at its next time", task.Name);
        }
    }
}
