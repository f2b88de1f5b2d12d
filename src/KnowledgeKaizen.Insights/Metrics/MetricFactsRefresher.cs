using System.Data.Common;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// Keeps the dashboards' monthly pre-aggregates current: after every applied import, inside its transaction
/// (so the new rows and the new aggregates commit together), the aggregates are rebuilt if any summarised
/// table changed (the change triggers cleared the freshness flag). An import of feedback only costs one read.
/// </summary>
public sealed class MetricFactsRefresher : IImportCommitHook
{
    /// <inheritdoc />
    public Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, ISqlDialect sql, CancellationToken ct) =>
        RebuildIfStaleAsync(connection, transaction, sql, ct);

    /// <summary>Rebuilds the aggregates when they are stale; returns whether it did.</summary>
    public static async Task<bool> RebuildIfStaleAsync(DbConnection connection, DbTransaction transaction, ISqlDialect sql, CancellationToken ct = default)
    {
        var facts = new MetricFactStore(connection, sql, transaction);
        if (await facts.IsFreshAsync(ct) || !await facts.ExistsAsync(ct))
        {
            return false;
        }

        await facts.RebuildAsync(ct);
        return true;
    }
}
