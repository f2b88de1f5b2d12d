namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// Keeps the dashboards' monthly pre-aggregates current. After every applied import the listed months are rebuilt one
/// by one: each is computed with no lock held and stored in a short transaction that checks no CRM write came in between
/// (other writes wait only for that store), then the facts are marked fresh in a transaction
/// that checks nothing is listed any more. Until then the change triggers keep them marked stale, so the dashboards
/// read the live tables — never a half-refreshed state. An import of feedback only costs one read.
/// </summary>
/// <param name="turns">The write turns of SQLite (none on PostgreSQL, or in a test on one connection).</param>
/// <param name="optimisticAttempts">
/// Times a month is computed outside the write lock before it is rebuilt inside it: CRM writes that keep coming (another
/// import) would otherwise keep it from ever being stored.
/// </param>
public sealed class MetricFactsRefresher(WriteTurns? turns = null, int optimisticAttempts = 3) : IImportAppliedHook
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
                else if (!await RebuildOutsideTheLockAsync(connection, sql, reader, kind, month, ct))
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

    /// <summary>
    /// Computes a listed month with no transaction, so no write lock or turn is held while it reads and sums the month's
    /// rows (a large month took a second of CPU, and every other write of the portal waited), then stores it in a short
    /// step if no write to the CRM tables came in between; gives up (false) after <c>optimisticAttempts</c> tries.
    /// </summary>
    private async Task<bool> RebuildOutsideTheLockAsync(DbConnection connection, ISqlDialect sql, MetricFactStore reader, string kind, string month, CancellationToken ct)
    {
        for (var attempt = 0; attempt < optimisticAttempts; attempt++)
        {
            var version = await reader.DataVersionAsync(ct);
            var rows = await reader.ComputeMonthAsync(kind, month, ct);
            var stored = false;
            await StepAsync(connection, sql, async store => stored = await store.StoreListedMonthAsync(kind, month, rows, version, ct), ct);
            if (stored)
            {
                return true;
            }
        }

        return false;
    }

    private async Task StepAsync(DbConnection connection, ISqlDialect sql, Func<MetricFactStore, Task> step, CancellationToken ct)
    {
        using var turn = turns is not null && sql.OneWriterAtATime ? await turns.TakeAsync(ct, bulkWork: true) : null;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await step(new MetricFactStore(connection, sql, transaction));
        await transaction.CommitAsync(ct);
    }
}
