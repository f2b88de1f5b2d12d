namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// Keeps the dashboards' monthly pre-aggregates current. After every applied import the listed months are rebuilt one
/// per short transaction (other writes wait for one month at most), then the facts are marked fresh in a transaction
/// that checks nothing is listed any more. Until then the change triggers keep them marked stale, so the dashboards
/// read the live tables — never a half-refreshed state. An import of feedback only costs one read.
/// </summary>
public sealed class MetricFactsRefresher(WriteTurns? turns = null) : IImportAppliedHook
{
    /// <summary>Rounds of listed months before giving up for now: writes that keep listing months leave the facts stale, not wrong.</summary>
    private const int MaxRounds = 5;

    /// <inheritdoc />
    public async Task AfterApplyAsync(KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await RefreshInStepsAsync(db.Database.GetDbConnection(), db.Sql, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Brings stale aggregates up to date month by month; returns whether they are fresh at the end.</summary>
    public async Task<bool> RefreshInStepsAsync(DbConnection connection, ISqlDialect sql, CancellationToken ct = default)
    {
        var reader = new MetricFactStore(connection, sql);
        if (!await reader.ExistsAsync(ct))
        {
            return false;
        }

        var (fresh, partial) = await reader.StateAsync(ct);
        if (fresh)
        {
            return true;
        }

        if (!partial)
        {
            // Changes were made that nobody listed: every kind is rebuilt whole, and from now on every change is listed.
            await StepAsync(connection, sql, store => store.ListEverythingAsync(ct), ct);
        }

        for (var round = 0; round < MaxRounds; round++)
        {
            var dirty = await reader.DirtyAsync(ct);
            if (dirty.Count == 0)
            {
                var marked = false;
                await StepAsync(connection, sql, async store => marked = await store.MarkFreshIfNothingListedAsync(ct), ct);
                if (marked)
                {
                    return true;
                }

                continue;
            }

            foreach (var (kind, month) in dirty)
            {
                if (month == MetricFactsStaleness.AllMonths)
                {
                    // Months read from one snapshot; a write after it lists its own month.
                    var months = await reader.MonthsOfAsync(kind, ct);
                    await StepAsync(connection, sql, store => store.ListMonthsAsync(kind, months, ct), ct);
                }
                else
                {
                    await StepAsync(connection, sql, store => store.RebuildListedMonthAsync(kind, month, ct), ct);
                }
            }
        }

        return false;
    }

    /// <summary>Rebuilds stale aggregates in the caller's transaction (start-up, before the portal serves); returns whether it did.</summary>
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

    private async Task StepAsync(DbConnection connection, ISqlDialect sql, Func<MetricFactStore, Task> step, CancellationToken ct)
    {
        using var turn = turns is not null && sql.OneWriterAtATime ? await turns.TakeAsync(ct, bulkWork: true) : null;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await step(new MetricFactStore(connection, sql, transaction));
        await transaction.CommitAsync(ct);
    }
}
