using KnowledgeKaizen.Core.Indexing;
using Microsoft.EntityFrameworkCore;

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
    public async Task ABatchOfSeveralTypes_WithADeletion_CostsTheIndexOneCommit()
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

        Assert.Equal(3, await database.Applier(db).ApplyBatchAsync());

        Assert.Equal(before + 1, database.Index.CommitGeneration);
        Assert.Equal(3, database.Index.DocumentCount);
        Assert.Empty(database.Index.Search(new SearchRequest { Text = "invoice", Reader = SearchReader.Unrestricted }).Hits);
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
}
