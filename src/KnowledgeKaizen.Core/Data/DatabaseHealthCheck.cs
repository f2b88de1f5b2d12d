using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// Healthy when the database answers and has every migration this build knows. Unreachable (a restarting server) is
/// unhealthy until a new connection succeeds: nothing here is remembered, so the instance recovers by itself.
/// </summary>
internal sealed class DatabaseHealthCheck(KnowledgeKaizenDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Database unreachable.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("Database reachable, every migration applied.")
                : HealthCheckResult.Unhealthy($"Database reachable, {pending} migrations not applied yet.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Database unreachable: {ex.Message}");
        }
    }
}
