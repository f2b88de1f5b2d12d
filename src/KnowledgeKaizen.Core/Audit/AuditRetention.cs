namespace KnowledgeKaizen.Core.Audit;

/// <summary>
/// Deletes entries older than <see cref="AuditOptions.RetentionDays"/>: the only way an audit entry ever goes. Runs at
/// start and then daily.
/// </summary>
public sealed class AuditRetention(KnowledgeKaizenDbContext db, IOptions<AuditOptions> options, TimeProvider clock)
{
    /// <summary>Deletes what is past the retention; returns how many entries went.</summary>
    public Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
        return db.AuditEntries.Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
    }
}

internal sealed class AuditRetentionScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditRetentionScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = TimeSpan.FromDays(1);
            try
            {
                using var scope = scopes.CreateScope();
                var purged = await scope.ServiceProvider.GetRequiredService<AuditRetention>().PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Deleted {Count} audit entries past their retention", purged);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A full disk or a locked database: try again within the hour, never take the host down.
                logger.LogError(ex, "Purging old audit entries failed");
                next = TimeSpan.FromHours(1);
            }

            try
            {
                await Task.Delay(next, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
