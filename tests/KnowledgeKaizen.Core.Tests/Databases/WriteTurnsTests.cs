using KnowledgeKaizen.Core.Analytics;
using Microsoft.Data.Sqlite;

namespace KnowledgeKaizen.Core.Tests.Databases;

/// <summary>
/// SQLite writers of one process queue for the write lock instead of polling SQLite for it: first come, first served,
/// whether they write by a save or by a bulk statement, and a save inside its own transaction (which may hold the lock
/// already) never waits. Shown on a database file as the portal runs it, with the turn held by the test.
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
