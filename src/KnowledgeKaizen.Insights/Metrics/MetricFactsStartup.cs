namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// At start-up (after migrations and demo data), rebuilds stale aggregates — e.g. right after the migration
/// that adds them to a database that already holds data, or after a write outside the import pipeline.
/// </summary>
public sealed class MetricFactsStartup(KnowledgeKaizenDbContext db) : IStartupTask
{
    /// <inheritdoc />
    public int Order => StartupOrder.MetricFacts;

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
