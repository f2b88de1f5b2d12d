using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeKaizen.Core.Data;

/// <summary>/healthz is healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(KnowledgeKaizenDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Database reachable.")
            : HealthCheckResult.Unhealthy("Database unreachable.");
}
