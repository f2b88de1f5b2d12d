namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// The outbox feed on a database with one writer at a time (SQLite): entry ids are assigned and committed in
/// order (AUTOINCREMENT, never reused), so a cursor at id N means nothing at or below N can still appear. A
/// database with concurrent writers can commit a lower id after a higher one was read; its feed must hold the
/// cursor back over such gaps (<see cref="PostgreSqlSearchOutboxFeed"/>). Ids are contiguous here, so an index whose cursor is below the oldest entry minus one
/// knows entries it never applied were pruned.
/// </summary>
public sealed class SqliteSearchOutboxFeed(KnowledgeKaizenDbContext db, SearchOutboxReads reads, IOptions<SearchIndexingOptions> options,
    TimeProvider clock) : ISearchOutboxFeed
{
    private string Name => options.Value.InstanceName;

    public long? Reached => reads.Reached(Name);

    public async Task<SearchOutboxBatch> ReadAsync(int max, CancellationToken ct = default)
    {
        var after = await AppliedUpToAsync(ct);
        var entries = await db.SearchOutbox.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(max)
            .Select(e => new SearchOutboxChange(e.Id, e.DocumentType, e.DocumentKey, e.Deleted, e.RecordedAt)).ToListAsync(ct);
        return new SearchOutboxBatch(entries, entries.Count == 0 ? after : entries[^1].Id);
    }

    public void Applied(SearchOutboxBatch applied) => reads.Applied(Name, [], applied.Position);

    public void Forget() => reads.Forget(Name);

    public async Task AdvanceToAsync(long position, CancellationToken ct = default)
    {
        var cursor = await SearchIndexCursors.FindOrAddAsync(db, Name, clock.GetUtcNow(), ct);
        if (db.Entry(cursor).State != EntityState.Added && position <= cursor.Position)
        {
            return;
        }

        cursor.Advance(position, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        reads.Applied(Name, [], cursor.Position);
    }

    public async Task<long> HighWaterMarkAsync(CancellationToken ct = default) =>
        await db.SearchOutbox.MaxAsync(e => (long?)e.Id, ct) ?? 0;

    public async Task<int> PendingAsync(CancellationToken ct = default)
    {
        var after = await AppliedUpToAsync(ct);
        return await db.SearchOutbox.CountAsync(e => e.Id > after, ct);
    }

    public async Task<bool> MissedEntriesAsync(CancellationToken ct = default)
    {
        var after = await AppliedUpToAsync(ct);
        var oldest = await db.SearchOutbox.MinAsync(e => (long?)e.Id, ct);
        return oldest is { } first && first > after + 1;
    }

    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var live = now - options.Value.CursorLifetime;
        var bound = await db.SearchIndexCursors.Where(c => c.UpdatedAt >= live).MinAsync(c => (long?)c.Position, ct);
        if (bound is not { } upTo)
        {
            return 0;
        }

        // The newest entry always stays, so a gap between a cursor and the oldest entry proves entries were pruned.
        var newest = await HighWaterMarkAsync(ct);
        var old = now - options.Value.OutboxRetention;
        return await db.SearchOutbox.Where(e => e.Id <= upTo && e.Id < newest && e.RecordedAt < old).ExecuteDeleteAsync(ct);
    }

    /// <summary>The cursor, or how far this process applied beyond it.</summary>
    private async Task<long> AppliedUpToAsync(CancellationToken ct) =>
        Math.Max(await SearchIndexCursors.PositionAsync(db, Name, ct), reads.Reached(Name) ?? 0);
}
