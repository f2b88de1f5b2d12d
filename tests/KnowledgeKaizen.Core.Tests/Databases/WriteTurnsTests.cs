using KnowledgeKaizen.Core.Analytics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace KnowledgeKaizen.Core.Tests.Databases;

/// <summary>
/// SQLite writers of one process queue for the write lock instead of polling SQLite for it: first come, first served,
/// whether they write by a save or by a bulk statement, and a save inside its own transaction (which may hold the lock
/// already) never waits; bulk work (an import's batches) goes after them unless it has waited long. Shown on a database
/// file as the portal runs it, with the turn held by the test.
/// </summary>
public sealed class WriteTurnsTests : IDisposable
{
    /// <summary>Long enough for a write that does not wait to finish many times over; a waiting write never finishes in it.</summary>
    private static readonly TimeSpan NotBefore = TimeSpan.FromMilliseconds(300);

    private readonly TempFolder folder = new("write-turns");
    private readonly WriteTurns turns = new();
    private readonly DbContextOptions<KnowledgeKaizenDbContext> options;

    public WriteTurnsTests()
    {
        options = new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()
            .UseSqlite($"Data Source={folder.File("kk.db")}")
            .AddInterceptors(new WriteTurnInterceptor(turns))
            .Options;
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task Writers_GetTheirTurn_InTheOrderTheyAsked()
    {
        var order = new List<int>();
        Task[] writers;
        using (await turns.TakeAsync(CancellationToken.None))
        {
            writers = Enumerable.Range(0, 8).Select(async i =>
            {
                using var turn = await turns.TakeAsync(CancellationToken.None);
                lock (order)
                {
                    order.Add(i);
                }
            }).ToArray();
            Assert.Empty(order);
        }

        await Task.WhenAll(writers);
        Assert.Equal(Enumerable.Range(0, 8), order);
    }

    [Fact]
    public async Task BulkWork_YieldsToInteractiveWriters_UntilItHasWaitedItsPatience()
    {
        var clock = new FakeTimeProvider();
        var queue = new WriteTurns(clock);
        var order = new List<string>();
        Task Writer(string name, bool bulkWork) => Task.Run(async () =>
        {
            using var turn = await queue.TakeAsync(CancellationToken.None, bulkWork);
            lock (order)
            {
                order.Add(name);
            }
        });

        async Task<Task[]> QueueAsync(params (string Name, bool Bulk)[] writers)
        {
            var tasks = new List<Task>();
            foreach (var (name, bulk) in writers)
            {
                tasks.Add(Writer(name, bulk));
                await Eventually.TrueAsync($"{name} to queue", () => queue.Waiting == tasks.Count);
            }

            return [.. tasks];
        }

        // Queued first, the import's batch still goes after the two saves that came after it.
        Task[] writers;
        using (await queue.TakeAsync(CancellationToken.None))
        {
            writers = await QueueAsync(("batch 1", true), ("save 1", false), ("save 2", false));
        }

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["save 1", "save 2", "batch 1"], order);

        // A batch that has waited its patience goes next, before saves queued before and after it.
        order.Clear();
        using (await queue.TakeAsync(CancellationToken.None))
        {
            writers = await QueueAsync(("save 3", false), ("batch 2", true), ("save 4", false));
            clock.Advance(WriteTurns.BulkPatience);
        }

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["batch 2", "save 3", "save 4"], order);
    }

    [Fact]
    public async Task AWriterThatGivesUp_IsPassedOver()
    {
        using var giveUp = new CancellationTokenSource();
        Task<IDisposable> abandoned, next;
        using (await turns.TakeAsync(CancellationToken.None))
        {
            abandoned = turns.TakeAsync(giveUp.Token);
            next = turns.TakeAsync(CancellationToken.None);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        }

        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        using var free = await turns.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ASave_WaitsForTheTurn()
    {
        await using var db = NewContext();
        db.SearchQueries.Add(new SearchQueryLog("pricing objection", "u1", 3, DateTime.UtcNow));
        Task saving;
        using (await turns.TakeAsync(CancellationToken.None))
        {
            saving = db.SaveChangesAsync();
            Assert.NotSame(saving, await Task.WhenAny(saving, Task.Delay(NotBefore)));
        }

        await saving;
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task ABulkStatementOutsideATransaction_WaitsForTheTurn()
    {
        await using (var seed = NewContext())
        {
            seed.SearchQueries.Add(new SearchQueryLog("pricing objection", "u1", 3, DateTime.UtcNow));
            await seed.SaveChangesAsync();
        }

        await using var db = NewContext();
        Task<int> deleting;
        using (await turns.TakeAsync(CancellationToken.None))
        {
            deleting = db.SearchQueries.ExecuteDeleteAsync();
            Assert.NotSame(deleting, await Task.WhenAny(deleting, Task.Delay(NotBefore)));
        }

        Assert.Equal(1, await deleting);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task ASaveInsideItsOwnTransaction_TakesNoTurn_AndABulkStatementInItNeither()
    {
        await using var db = NewContext();
        using (await turns.TakeAsync(CancellationToken.None))
        {
            // As an import's batch does: the transaction is begun by whoever holds the turn.
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.SearchQueries.Add(new SearchQueryLog("pricing objection", "u1", 3, DateTime.UtcNow));
            await db.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, await db.SearchQueries.ExecuteDeleteAsync().WaitAsync(TimeSpan.FromSeconds(30)));
            await transaction.CommitAsync();
        }

        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task AFailedWrite_GivesTheTurnBack()
    {
        await using (var db = NewContext())
        {
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM NoSuchTable"));
            db.SearchQueries.Add(new SearchQueryLog("pricing objection", "u1", 3, DateTime.UtcNow));
            await db.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        using var turn = await turns.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await CountAsync());
    }

    public void Dispose() => folder.Dispose();

    private KnowledgeKaizenDbContext NewContext() => new(options, turns: turns);

    private async Task<int> CountAsync()
    {
        await using var db = new KnowledgeKaizenDbContext(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()
            .UseSqlite($"Data Source={folder.File("kk.db")}").Options);
        return await db.SearchQueries.CountAsync();
    }
}
