using KnowledgeKaizen.Testing;
namespace KnowledgeKaizen.Search.Indexing.Tests;

public sealed class SearchOutboxApplierTests : IDisposable
{
    private readonly IndexingTestDatabase database = new();

    [Fact]
    public async Task NewDocument_IsIndexedByTheNextBatch_AndItsEntryStaysInTheOutbox()
    {
        var id = await database.NewPlaybookAsync("Pricing objections at the quote stage");
        await using var db = database.NewContext();

        var applied = await database.Applier(db).ApplyBatchAsync();

        Assert.Equal(1, applied);
        var hit = Assert.Single(database.Index.Search(new SearchRequest { Text = "pricing objections", Reader = SearchReader.Unrestricted }).Hits);
        Assert.Equal(SearchDocumentUrls.Knowledge(id), hit.Url);
        Assert.Equal(1, await db.SearchOutbox.CountAsync());
        Assert.Equal(0, await database.Feed(db).PendingAsync());
        Assert.Equal(0, await database.Applier(db).ApplyBatchAsync());
    }

    [Fact]
    public async Task CaseWithoutResolution_IsNotIndexed_AndLeavesTheIndexWhenItsResolutionGoes()
    {
        await database.NewCaseAsync("Invoice shows the old price", resolution: null);
        await using var db = database.NewContext();
        await database.Applier(db).CatchUpAsync();
        Assert.Equal(0, database.Index.DocumentCount);

        var open = await db.ServiceCases.SingleAsync();
        open.Resolve(open.OpenedAt.AddHours(1), "Re-issued the invoice with the current price list.");
        await db.SaveChangesAsync();
        await database.Applier(db).CatchUpAsync();
        Assert.Equal(1, database.Index.DocumentCount);

        db.ServiceCases.Remove(open);
        await db.SaveChangesAsync();
        await database.Applier(db).CatchUpAsync();
        Assert.Equal(0, database.Index.DocumentCount);
    }

    [Fact]
    public async Task ABatchOfSeveralTypes_WithADeletion_IsSearchableAtOnce_AndCostsTheIndexOneCommitWithTheBatchesAfterIt()
    {
        await database.NewCaseAsync("Invoice shows the old price", resolution: "Re-issued the invoice.");
        await database.NewPlaybookAsync("Pricing objections at the quote stage");
        await using var db = database.NewContext();
        await database.Applier(db).CatchUpAsync();
        Assert.Equal(2, database.Index.DocumentCount);

        db.ServiceCases.Remove(await db.ServiceCases.SingleAsync());
        await db.SaveChangesAsync();
        await database.NewPlaybookAsync("Follow up within a day");
        await database.NewPlaybookAsync("Quote walkthrough on a call");
        var before = database.Index.CommitGeneration;
        var applier = database.Applier(db);

        Assert.Equal(3, await applier.ApplyBatchAsync());
        Assert.Equal(3, database.Index.DocumentCount);
        Assert.Empty(database.Index.Search(new SearchRequest { Text = "invoice", Reader = SearchReader.Unrestricted }).Hits);
        await database.NewPlaybookAsync("Send the quote before the call ends");
        Assert.Equal(1, await applier.ApplyBatchAsync());
        Assert.Equal(before, database.Index.CommitGeneration);

        Assert.True(await applier.CommitAsync());

        Assert.Equal(before + 1, database.Index.CommitGeneration);
        Assert.Equal(await database.Feed(db).HighWaterMarkAsync(), await CursorAsync(db));
        Assert.False(await applier.CommitAsync());
        Assert.Equal(before + 1, database.Index.CommitGeneration);
    }

    [Fact]
    public async Task TheCursorMovesOnlyWithACommit_SoARestartBeforeItAppliesTheEntriesAgain()
    {
        var first = await database.NewPlaybookAsync("Follow up within a day");
        await using var db = database.NewContext();
        await database.Applier(db).CatchUpAsync();
        var committed = await CursorAsync(db);
        await database.NewPlaybookAsync("Quote walkthrough on a call");

        Assert.Equal(1, await database.Applier(db).ApplyBatchAsync());
        Assert.Equal(0, await database.Feed(db).PendingAsync());
        Assert.Equal(committed, await CursorAsync(db));

        database.Reads = new SearchOutboxReads();
        Assert.Equal(1, await database.Feed(db).PendingAsync());
        Assert.Equal(1, await database.Applier(db).ApplyBatchAsync());
        await database.Applier(db).CommitAsync();
        Assert.Equal(0, await database.Feed(db).PendingAsync());
        Assert.Equal(2, database.Index.DocumentCount);
        Assert.Contains(database.Index.Search(new SearchRequest { Text = "follow up", Reader = SearchReader.Unrestricted }).Hits,
            h => h.Url == SearchDocumentUrls.Knowledge(first));
    }

    [Fact]
    public async Task AFailedCommit_LeavesTheCursor_AndWhatItHeldIsAppliedAgain()
    {
        await database.NewPlaybookAsync("Follow up within a day");
        await using var db = database.NewContext();
        var failing = new FailingCommits(database.Index);
        var applier = new SearchOutboxApplier(database.Feed(db), database.Source(db), failing);
        Assert.Equal(1, await applier.ApplyBatchAsync());

        await Assert.ThrowsAsync<IOException>(() => applier.CommitAsync());

        Assert.Equal(0, await CursorAsync(db));
        Assert.Equal(1, await database.Feed(db).PendingAsync());
        failing.Fail = false;
        Assert.Equal(1, await applier.ApplyBatchAsync());
        Assert.True(await applier.CommitAsync());
        Assert.Equal(await database.Feed(db).HighWaterMarkAsync(), await CursorAsync(db));
    }

    [Fact]
    public async Task TwoInstances_EachBringTheirOwnIndexUpToDate()
    {
        await database.NewPlaybookAsync("Follow up within a day");
        await using var db = database.NewContext();
        await database.Applier(db, "node-a").CatchUpAsync();

        Assert.Equal(1, await database.Feed(db, "node-b").PendingAsync());
        Assert.Equal(0, await database.Feed(db, "node-a").PendingAsync());
    }

    [Fact]
    public async Task LongBacklog_IsAppliedInBatches_UntilCaughtUp()
    {
        await database.AppendAsync(SearchOutboxApplier.BatchSize + 20, SearchDocumentTypes.Feedback);
        await using var db = database.NewContext();
        var applier = database.Applier(db);

        Assert.Equal(SearchOutboxApplier.BatchSize, await applier.ApplyBatchAsync());
        Assert.Equal(20, await applier.ApplyBatchAsync());
        Assert.Equal(0, await applier.ApplyBatchAsync());
    }

    public void Dispose() => database.Dispose();

    private static async Task<long> CursorAsync(KnowledgeKaizenDbContext db) =>
        await db.SearchIndexCursors.AsNoTracking().Select(c => (long?)c.Position).SingleOrDefaultAsync() ?? 0;

    /// <summary>The real index, whose commits fail as on a full disk while <see cref="Fail"/> holds.</summary>
    private sealed class FailingCommits(LuceneSearchIndex engine) : DelegatingSearchIndex(engine)
    {
        public bool Fail { get; set; } = true;

        public override Task<bool> CommitAsync(CancellationToken cancellationToken = default) =>
            Fail ? throw new IOException("No space left on device", 28) : base.CommitAsync(cancellationToken);

        public override void Dispose()
        {
            // The test database owns the engine.
        }
    }
}
