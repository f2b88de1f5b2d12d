namespace KnowledgeKaizen.Search.Indexing.Tests;

public sealed class SqliteSearchOutboxFeedTests : IDisposable
{
    private readonly IndexingTestDatabase database = new();

    [Fact]
    public async Task Read_ReturnsOnlyEntriesAfterTheCursor_OldestFirst()
    {
        await using var db = await OutboxOfAsync(7);
        var feed = database.Feed(db);

        var first = (await feed.ReadAsync(3)).Entries;
        await feed.AdvanceToAsync(first[^1].Id);
        var rest = (await feed.ReadAsync(10)).Entries;

        Assert.Equal(3, first.Count);
        Assert.Equal(4, rest.Count);
        Assert.True(rest[0].Id > first[^1].Id);
        Assert.Equal(rest.OrderBy(e => e.Id).Select(e => e.Id), rest.Select(e => e.Id));
        Assert.Equal(4, await feed.PendingAsync());
    }

    [Fact]
    public async Task Advance_NeverMovesTheCursorBack()
    {
        await using var db = await OutboxOfAsync(5);
        var feed = database.Feed(db);
        var high = await feed.HighWaterMarkAsync();

        await feed.AdvanceToAsync(high);
        await feed.AdvanceToAsync(high - 3);

        Assert.Empty((await feed.ReadAsync(10)).Entries);
        Assert.Equal(high, (await db.SearchIndexCursors.AsNoTracking().SingleAsync()).Position);
    }

    [Fact]
    public async Task TwoInstances_ReadTheSameEntries_EachWithItsOwnCursor()
    {
        await using var db = await OutboxOfAsync(4);
        var (a, b) = TwoInstances(db);

        await a.AdvanceToAsync(await a.HighWaterMarkAsync());

        Assert.Empty((await a.ReadAsync(10)).Entries);
        Assert.Equal(4, (await b.ReadAsync(10)).Entries.Count);
        Assert.Equal(4, await db.SearchOutbox.CountAsync());
    }

    [Fact]
    public async Task Prune_KeepsWhatALiveIndexHasNotApplied_AndAlwaysTheNewestEntry()
    {
        await using var db = await OutboxOfAsync(6);
        var (a, b) = TwoInstances(db);
        var entries = (await a.ReadAsync(10)).Entries;
        await a.AdvanceToAsync(entries[^1].Id);
        await b.AdvanceToAsync(entries[2].Id);
        database.Clock.Advance(TimeSpan.FromDays(2));

        var pruned = await a.PruneAsync();

        Assert.Equal(3, pruned);
        Assert.Equal(entries.Skip(3).Select(e => e.Id), await db.SearchOutbox.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.False(await b.MissedEntriesAsync());

        await b.AdvanceToAsync(entries[^1].Id);
        Assert.Equal(2, await a.PruneAsync());
        Assert.Equal([entries[^1].Id], await db.SearchOutbox.Select(e => e.Id).ToListAsync());
    }

    [Fact]
    public async Task Prune_LeavesRecentEntries_EvenWhenEveryIndexHasAppliedThem()
    {
        await using var db = await OutboxOfAsync(3);
        var feed = database.Feed(db);
        await feed.AdvanceToAsync(await feed.HighWaterMarkAsync());

        Assert.Equal(0, await feed.PruneAsync());
        Assert.Equal(3, await db.SearchOutbox.CountAsync());
    }

    [Fact]
    public async Task RetiredIndex_NoLongerHoldsEntriesBack_AndFindsOnItsReturnThatItMissedSome()
    {
        await using var db = await OutboxOfAsync(5);
        var (live, retired) = TwoInstances(db);
        await retired.AdvanceToAsync(1);
        database.Clock.Advance(TimeSpan.FromDays(8));
        await database.AppendAsync(1);
        await live.AdvanceToAsync(await live.HighWaterMarkAsync());
        database.Clock.Advance(TimeSpan.FromDays(2));

        await live.PruneAsync();

        Assert.False(await live.MissedEntriesAsync());
        Assert.True(await retired.MissedEntriesAsync());
    }

    [Fact]
    public async Task NewIndex_OnAFreshOutbox_HasMissedNothing()
    {
        await using var db = await OutboxOfAsync(2);

        Assert.False(await database.Feed(db, "node-new").MissedEntriesAsync());
        Assert.Equal(2, await database.Feed(db, "node-new").PendingAsync());
    }

    [Fact]
    public async Task EveryWriteToASearchableEntity_AppendsAnEntry_NothingIsUpdatedInPlace()
    {
        var id = await database.NewPlaybookAsync("Discovery questions");
        await using (var db = database.NewContext())
        {
            var document = await db.KnowledgeDocuments.Include(d => d.Revisions).SingleAsync(d => d.Id == id);
            db.Remove(document);
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var entries = await check.SearchOutbox.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([false, true], entries.Select(e => e.Deleted));
        Assert.All(entries, e => Assert.Equal((SearchDocumentTypes.Playbook, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (e.DocumentType, e.DocumentKey)));
    }

    /// <summary>A context on an outbox that holds <paramref name="entries"/> entries.</summary>
    private async Task<KnowledgeKaizenDbContext> OutboxOfAsync(int entries)
    {
        await database.AppendAsync(entries);
        return database.NewContext();
    }

    /// <summary>Two search indexes reading the same outbox, as two web nodes do.</summary>
    private (SqliteSearchOutboxFeed A, SqliteSearchOutboxFeed B) TwoInstances(KnowledgeKaizenDbContext db) =>
        (database.Feed(db, "node-a"), database.Feed(db, "node-b"));

    public void Dispose() => database.Dispose();
}
