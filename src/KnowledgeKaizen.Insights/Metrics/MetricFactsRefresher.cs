using System.Data.Common;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

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

/// <summary>
/// At start-up (after migrations and demo data), rebuilds stale aggregates — e.g. right after the migration
/// that adds them to a database that already holds data, or after a write outside the import pipeline.
/// </summary>
public sealed class MetricFactsStartup(KnowledgeKaizenDbContext db) : IStartupTask
{
    /// <inheritdoc />
    public int Order => 40;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await MetricFactsRefresher.RebuildIfStaleAsync(connection, transaction, db.Sql, cancellationToken))
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
