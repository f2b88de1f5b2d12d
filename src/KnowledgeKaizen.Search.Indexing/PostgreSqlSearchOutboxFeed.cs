namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// The outbox feed on PostgreSQL, where writers commit concurrently: entry ids come from a sequence when a row is
/// inserted, so a transaction holding id 5 can commit after one holding id 6 was read. An id cursor would skip 5.
/// Instead every entry carries the id of the transaction that wrote it (<c>"TransactionId"</c>, set by the column's
/// default), and the cursor is a transaction horizon: the oldest transaction still running when the index last read
/// (<c>pg_snapshot_xmin</c>). Every transaction below it has ended, so every entry below it is final and applied;
/// entries at or above it are read again until the horizon passes them, and the ones this process already applied are
/// skipped (<see cref="SearchOutboxReads"/>). Writers never wait for this; a long transaction (a big import) only keeps
/// the horizon back, and the entries committed meanwhile are still applied within a poll.
/// </summary>
public sealed class PostgreSqlSearchOutboxFeed(KnowledgeKaizenDbContext db, SearchOutboxReads reads, IOptions<SearchIndexingOptions> options,
    TimeProvider clock) : ISearchOutboxFeed
{
    private const string Horizon = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"";

    /// <summary>How often an idle index still writes its cursor (a cursor is live for days: see the cursor lifetime).</summary>
    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromHours(1);

    private string Name => options.Value.InstanceName;

    public long? Reached => reads.Reached(Name);

    public async Task<SearchOutboxBatch> ReadAsync(int max, CancellationToken ct = default)
    {
        var horizon = await AppliedUpToAsync(ct);
        // Taken before the entries are read: a transaction below it had ended, so the read sees all it wrote.
        var ended = await db.Database.SqlQueryRaw<long>(Horizon).SingleAsync(ct);
        var applied = reads.AppliedSince(Name, horizon);
        var rows = await db.Database.SqlQueryRaw<TransactionChange>(
            """
            SELECT "Id", "DocumentType", "DocumentKey", "Deleted", "RecordedAt", "TransactionId" FROM "SearchOutbox"
            WHERE "TransactionId" >= {0} AND NOT ("Id" = ANY({1})) ORDER BY "TransactionId", "Id" LIMIT {2}
            """, horizon, applied, max).ToListAsync(ct);

        // A full batch may stop inside the entries of one transaction: the horizon then stays at that transaction.
        var reached = rows.Count == max ? Math.Min(ended, rows[^1].TransactionId) : ended;
        return new PostgreSqlBatch(rows.Select(r => r.Change).ToList(), Math.Max(horizon, reached),
            rows.Select(r => (r.Id, r.TransactionId)).ToList());
    }

    public void Applied(SearchOutboxBatch applied) =>
        reads.Applied(Name, applied is PostgreSqlBatch batch ? batch.Transactions : [], applied.Position);

    public void Forget() => reads.Forget(Name);

    public async Task AdvanceToAsync(long position, CancellationToken ct = default)
    {
        var cursor = await SearchIndexCursors.FindOrAddAsync(db, Name, clock.GetUtcNow(), ct);
        if (db.Entry(cursor).State != EntityState.Added && position <= cursor.Position
            && clock.GetUtcNow() - cursor.UpdatedAt < KeepAliveEvery)
        {
            // Nothing passed: no write per poll. The cursor is still touched now and then, so it keeps counting as live.
            return;
        }

        cursor.Advance(position, clock.GetUtcNow());
        reads.Applied(Name, [], cursor.Position);
        await db.SaveChangesAsync(ct);
    }

    public async Task<long> HighWaterMarkAsync(CancellationToken ct = default) =>
        await db.Database.SqlQueryRaw<long>(Horizon).SingleAsync(ct);

    public async Task<int> PendingAsync(CancellationToken ct = default)
    {
        var horizon = await AppliedUpToAsync(ct);
        var applied = reads.AppliedSince(Name, horizon);
        return await db.Database.SqlQueryRaw<int>(
            """SELECT count(*)::int AS "Value" FROM "SearchOutbox" WHERE "TransactionId" >= {0} AND NOT ("Id" = ANY({1}))""",
            horizon, applied).SingleAsync(ct);
    }

    /// <summary>
    /// Transaction ids have gaps of their own, so nothing in the outbox shows what pruning took: an index without a
    /// cursor, or whose cursor stopped counting as live (pruning then no longer waited for it), is rebuilt.
    /// </summary>
    public async Task<bool> MissedEntriesAsync(CancellationToken ct = default)
    {
        var cursor = await db.SearchIndexCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Name == Name, ct);
        return cursor is null || cursor.UpdatedAt < clock.GetUtcNow() - options.Value.CursorLifetime;
    }

    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var live = now - options.Value.CursorLifetime;
        var bound = await db.SearchIndexCursors.Where(c => c.UpdatedAt >= live).MinAsync(c => (long?)c.Position, ct);
        if (bound is not { } below)
        {
            return 0;
        }

        var old = now - options.Value.OutboxRetention;
        return await db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "SearchOutbox" WHERE "TransactionId" < {0} AND "RecordedAt" < {1}""", [below, old], ct);
    }

    /// <summary>The cursor's horizon, or how far this process applied beyond it.</summary>
    private async Task<long> AppliedUpToAsync(CancellationToken ct) =>
        Math.Max(await SearchIndexCursors.PositionAsync(db, Name, ct), reads.Reached(Name) ?? 0);

    private sealed record TransactionChange(long Id, string DocumentType, string DocumentKey, bool Deleted, DateTimeOffset RecordedAt, long TransactionId)
    {
        public SearchOutboxChange Change => new(Id, DocumentType, DocumentKey, Deleted, RecordedAt);
    }

    private sealed record PostgreSqlBatch(IReadOnlyList<SearchOutboxChange> Changes, long Reached, IReadOnlyList<(long Id, long Transaction)> Transactions)
        : SearchOutboxBatch(Changes, Reached);
}
