using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>/healthz is degraded while the indexer keeps failing: search answers, from an index falling behind.</summary>
internal sealed class IndexerHealthCheck(IndexerState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Failure is { } failure
            ? HealthCheckResult.Degraded($"The search indexer has failed {failure.Attempts} times since {failure.Since:u}: {failure.Reason}")
            : HealthCheckResult.Healthy("The search indexer is keeping up."));
}
