using KnowledgeKaizen.Testing;
using Npgsql;

namespace KnowledgeKaizen.Search.Indexing.Tests;

/// <summary>
/// The outbox feed on PostgreSQL, where transactions commit in any order: an entry whose id is lower than one already
/// read, because its transaction committed later, is still applied; one rolled back never is; nothing is applied twice.
/// </summary>
public sealed class PostgreSqlSearchOutboxFeedTests : IAsyncLifetime
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private TestPostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await TestPostgres.CreateDatabaseAsync("outbox-feed");

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ALowerIdCommittedAfterAHigherOneWasRead_IsStillApplied()
    {
        await using var early = await OpenAsync();
        await using var slow = await early.BeginTransactionAsync();
        var lower = await AppendAsync(early, slow, "slow");
        var higher = await AppendAsync("quick");
        await using var db = database.NewContext();
        var feed = Feed(db, new SearchOutboxReads());

        var first = await ApplyAsync(feed);
        await slow.CommitAsync();
        var second = await ApplyAsync(feed);

        Assert.True(lower < higher);
        Assert.Equal([higher], first);
        Assert.Equal([lower], second);
        Assert.Empty(await ApplyAsync(feed));
        Assert.Equal(0, await feed.PendingAsync());
    }

    [Fact]
    public async Task ConcurrentWriters_CommittingAfterRandomDelays_EveryCommittedEntryIsAppliedOnce_NoRolledBackOne()
    {
        var committed = new List<long>();
        var rolledBack = new List<long>();
        using var writing = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var t = 0; t < 12; t++)
            {
                await using var connection = await OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                var ids = new List<long>();
                for (var e = 0; e < random.Next(1, 4); e++)
                {
                    ids.Add(await AppendAsync(connection, transaction, $"w{w}-t{t}-e{e}"));
                }

                await Task.Delay(random.Next(0, 60));
                var keep = random.Next(10) > 0;
                await (keep ? transaction.CommitAsync() : transaction.RollbackAsync());
                lock (committed)
                {
                    (keep ? committed : rolledBack).AddRange(ids);
                }
            }
        })).ToList();

        var applied = new List<long>();
        await using var db = database.NewContext();
        var feed = Feed(db, new SearchOutboxReads());
        var done = Task.WhenAll(writers);
        while (!done.IsCompleted)
        {
            // Small batches, so a batch often stops inside one transaction's entries.
            applied.AddRange(await ApplyAsync(feed, max: 3));
        }

        await done;
        List<long> more;
        while ((more = await ApplyAsync(feed, max: 3)).Count > 0)
        {
            applied.AddRange(more);
        }

        Assert.Equal(committed.Order(), applied.Order());
        Assert.Empty(applied.Intersect(rolledBack));
        Assert.True(rolledBack.Count > 0 && committed.Count > 100, $"{committed.Count} committed, {rolledBack.Count} rolled back");
    }

    [Fact]
    public async Task AfterARestart_EntriesAboveTheHorizonAreAppliedAgain_NoneIsLost()
    {
        await using var early = await OpenAsync();
        await using var slow = await early.BeginTransactionAsync();
        await AppendAsync(early, slow, "slow");
        var quick = await AppendAsync("quick");
        await using var db = database.NewContext();
        Assert.Equal([quick], await ApplyAsync(Feed(db, new SearchOutboxReads())));

        var restarted = Feed(db, new SearchOutboxReads());

        // The slow transaction still holds the horizon back: what this process applied above it is read again.
        Assert.Equal([quick], await ApplyAsync(restarted));
        Assert.Empty(await ApplyAsync(restarted));
    }

    [Fact]
    public async Task TwoInstances_EachApplyEveryEntry_WithTheirOwnCursor()
    {
        var ids = new[] { await AppendAsync("a"), await AppendAsync("b") };
        await using var db = database.NewContext();

        Assert.Equal(ids, await ApplyAsync(Feed(db, new SearchOutboxReads(), "node-a")));
        Assert.Equal(ids, await ApplyAsync(Feed(db, new SearchOutboxReads(), "node-b")));
        Assert.Equal(2, await db.SearchIndexCursors.CountAsync());
    }

    [Fact]
    public async Task Prune_RemovesOnlyWhatEveryLiveIndexHasPassed_AndARetiredOrNewIndexRebuilds()
    {
        // Positions are set from the entries' own transactions: the server's real horizon also waits for other tests.
        await using var db = database.NewContext();
        var (live, retired) = (Feed(db, new SearchOutboxReads(), "node-live"), Feed(db, new SearchOutboxReads(), "node-retired"));
        var old = await TransactionOfAsync(await AppendAsync("old"));
        var later = await AppendAsync("later");
        await retired.AdvanceToAsync(old + 1);
        await live.AdvanceToAsync(old + 1);
        clock.Now += TimeSpan.FromDays(2);

        Assert.Equal(1, await live.PruneAsync());
        Assert.Equal([later], await db.SearchOutbox.Select(e => e.Id).ToListAsync());
        Assert.False(await retired.MissedEntriesAsync());

        clock.Now += TimeSpan.FromDays(8);
        await live.AdvanceToAsync(await TransactionOfAsync(later) + 1);
        clock.Now += TimeSpan.FromDays(2);

        Assert.Equal(1, await live.PruneAsync());
        Assert.Empty(await db.SearchOutbox.ToListAsync());
        Assert.False(await live.MissedEntriesAsync());
        Assert.True(await retired.MissedEntriesAsync());
        Assert.True(await Feed(db, new SearchOutboxReads(), "node-new").MissedEntriesAsync());
    }

    private async Task<long> TransactionOfAsync(long id) =>
        (long)(await database.ScalarAsync($"""SELECT "TransactionId" FROM "SearchOutbox" WHERE "Id" = {id}"""))!;

    /// <summary>Reads a batch, "applies" and "commits" it, advances; returns the entry ids in the order read.</summary>
    private static async Task<List<long>> ApplyAsync(ISearchOutboxFeed feed, int max = 100)
    {
        var batch = await feed.ReadAsync(max);
        feed.Applied(batch);
        await feed.AdvanceToAsync(batch.Position);
        return [.. batch.Entries.Select(e => e.Id)];
    }

    private PostgreSqlSearchOutboxFeed Feed(KnowledgeKaizenDbContext db, SearchOutboxReads reads, string name = "node") =>
        new(db, reads, Options.Create(new SearchIndexingOptions { InstanceName = name }), clock);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> AppendAsync(string key)
    {
        await using var connection = await OpenAsync();
        return await AppendAsync(connection, null, key);
    }

    private static async Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string key)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO "SearchOutbox" ("DocumentType", "DocumentKey", "Deleted", "RecordedAt") VALUES ('playbook', @key, false, now())
            RETURNING "Id"
            """, connection, transaction);
        command.Parameters.AddWithValue("key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
