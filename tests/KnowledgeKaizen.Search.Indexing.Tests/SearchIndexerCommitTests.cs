using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Markdown;
using KnowledgeKaizen.Core.Terms;
using KnowledgeKaizen.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeKaizen.Search.Indexing.Tests;

/// <summary>
/// The hosted indexer on a clock the test moves: every save is searchable within a poll, the index commits (and the
/// cursor moves) once for a stream of saves within the commit interval, at once after a quiet spell, and at stop.
/// </summary>
public sealed class SearchIndexerCommitTests : IDisposable
{
    // Polls move the clock 0.1 s at a time; the longest interval keeps any number of them inside it.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CommitEvery = SearchIndexingOptions.MaxCommitInterval;

    private readonly IndexingTestDatabase database = new();
    private readonly TempFolder folder = new("indexer-commits");
    private readonly ServiceProvider services;
    private readonly SearchIndexer indexer;

    public SearchIndexerCommitTests()
    {
        var collection = new ServiceCollection();
        collection.AddScoped(_ => database.NewContext());
        collection.AddSingleton<ISearchIndex>(database.Index);
        collection.AddSingleton<TimeProvider>(database.Clock);
        collection.AddSingleton(database.Reads);
        collection.AddSingleton<MarkdownRenderer>();
        collection.AddSingleton<IFileStore>(new DataFolderFileStore(new DataFolder(folder.Path)));
        collection.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder.Path });
        collection.AddSingleton(Options.Create(new KaizenOptions { ContentPath = folder.Path }));
        collection.AddSingleton(Options.Create(new SearchIndexingOptions
        {
            InstanceName = IndexingTestDatabase.ThisInstance, PollInterval = Poll, CommitInterval = CommitEvery,
        }));
        collection.AddScoped<ISearchOutboxFeed, SqliteSearchOutboxFeed>();
        collection.AddScoped<SearchDocumentSource>();
        collection.AddScoped<SearchOutboxApplier>();
        collection.AddScoped<TermMapStore>();
        collection.AddSingleton<SearchTerms>();
        collection.AddSingleton<IndexerState>();
        services = collection.BuildServiceProvider();
        indexer = ActivatorUtilities.CreateInstance<SearchIndexer>(services, NullLogger<SearchIndexer>.Instance);
    }

    [Fact]
    public async Task AStreamOfSaves_IsSearchableAtOnce_AndCommittedOncePerInterval_AndAtStop()
    {
        await indexer.StartAsync(CancellationToken.None);
        var start = database.Index.CommitGeneration;

        // After a quiet spell the first save is committed at once, and the cursor follows.
        await database.NewPlaybookAsync("Follow up within a day");
        await SearchableAsync("follow up");
        await PollUntilAsync("the first save to be committed", async () => await CursorAsync() == await HighWaterMarkAsync());
        Assert.Equal(start + 1, database.Index.CommitGeneration);
        var committed = await CursorAsync();

        // Saves within the interval: each searchable within a poll, none committed, the cursor where it was.
        foreach (var title in new[] { "Quote walkthrough on a call", "Pricing objections at the quote stage", "Send the deck before the call" })
        {
            await database.NewPlaybookAsync(title);
            await SearchableAsync(title);
        }

        Assert.Equal(start + 1, database.Index.CommitGeneration);
        Assert.Equal(committed, await CursorAsync());

        // The interval over: the three saves cost one commit.
        database.Clock.Advance(CommitEvery);
        await PollUntilAsync("the interval's saves to be committed", async () => await CursorAsync() == await HighWaterMarkAsync());
        Assert.Equal(start + 2, database.Index.CommitGeneration);

        // What is applied but not committed when the host stops is committed as it stops.
        await database.NewPlaybookAsync("Confirm the decision maker");
        await SearchableAsync("decision maker");
        Assert.NotEqual(await HighWaterMarkAsync(), await CursorAsync());
        await indexer.StopAsync(CancellationToken.None);
        Assert.Equal(await HighWaterMarkAsync(), await CursorAsync());
        Assert.Equal(start + 3, database.Index.CommitGeneration);
    }

    public void Dispose()
    {
        indexer.Dispose();
        services.Dispose();
        database.Dispose();
        folder.Dispose();
    }

    /// <summary>Moves the clock a poll at a time until the indexer has made <paramref name="text"/> findable.</summary>
    private Task SearchableAsync(string text) => PollUntilAsync($"'{text}' to be searchable",
        () => Task.FromResult(database.Index.Search(new SearchRequest { Text = text, Reader = SearchReader.Unrestricted }).Hits.Count > 0));

    private Task PollUntilAsync(string awaited, Func<Task<bool>> condition) =>
        Eventually.TrueAsync(awaited, async () =>
        {
            if (await condition())
            {
                return true;
            }

            database.Clock.Advance(Poll);
            return false;
        });

    private async Task<long> CursorAsync()
    {
        await using var db = database.NewContext();
        return await db.SearchIndexCursors.AsNoTracking().Select(c => (long?)c.Position).SingleOrDefaultAsync() ?? 0;
    }

    private async Task<long> HighWaterMarkAsync()
    {
        await using var db = database.NewContext();
        return await db.SearchOutbox.MaxAsync(e => (long?)e.Id) ?? 0;
    }
}
