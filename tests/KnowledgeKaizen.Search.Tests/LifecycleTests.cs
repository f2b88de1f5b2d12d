using KnowledgeKaizen.Testing;

namespace KnowledgeKaizen.Search.Tests;

public sealed class LifecycleTests : IDisposable
{
    private readonly TempFolder _folder = new("search-index");

    [Fact]
    public void Upsert_SameTypeAndKey_ReplacesTheDocument()
    {
        using var index = Docs.IndexWith(Docs.Make("k", "Old title", "alpha"));

        index.Upsert([Docs.Make("k", "New title", "beta")]);

        Assert.Equal(1, index.DocumentCount);
        Assert.DoesNotContain(index.Find("alpha").Hits, h => h.Title == "Old title");
        Assert.Equal("New title", index.Find("beta").Hits.Single().Title);
    }

    [Fact]
    public void Upsert_SameKeyOtherType_KeepsBoth()
    {
        using var index = Docs.IndexWith(Docs.Make("k", "A", "alpha", type: "playbook"), Docs.Make("k", "B", "alpha", type: "solution"));

        Assert.Equal(2, index.DocumentCount);
    }

    [Fact]
    public async Task Apply_UpsertsAndDeletes_SearchableAtOnce_AndDurableInOneCommit()
    {
        using var index = Docs.IndexWith(Docs.Make("k", "Title", "alpha"), Docs.Make("j", "Other", "gamma"));
        var before = index.CommitGeneration;

        await index.ApplyAsync(
            [Docs.Make("n", "New", "delta"), Docs.Make("m", "Case", "delta", type: "case"), Docs.Make("j", "Renamed", "gamma")],
            [("playbook", "k"), ("playbook", "unknown")]);

        Assert.Equal(before, index.CommitGeneration);
        Assert.Equal(3, index.DocumentCount);
        Assert.Equal(0, index.Find("alpha").TotalHits);
        Assert.Equal(["m", "n"], index.Find("delta").Keys().Order(StringComparer.Ordinal));
        Assert.Equal("Renamed", index.Find("gamma").Hits.Single().Title);

        Assert.True(await index.CommitAsync());
        await index.ApplyAsync([], []);
        Assert.False(await index.CommitAsync());
        Assert.Equal(before + 1, index.CommitGeneration);
    }

    [Fact]
    public void Delete_RemovesTheDocumentAtOnce()
    {
        using var index = Docs.IndexWith(Docs.Make("k", "Title", "alpha"), Docs.Make("j", "Other", "gamma"));

        index.Delete("playbook", "k");
        index.Delete("playbook", "unknown");

        Assert.Equal(1, index.DocumentCount);
        Assert.Equal(0, index.Find("alpha").TotalHits);
    }

    [Fact]
    public async Task Rebuild_ServesOldResultsUntilTheSwap_AndKeepsWritesMadeMeanwhile()
    {
        using var index = Docs.IndexWith(Docs.Make("old", "Old content", "legacy"));
        using var building = new ManualResetEventSlim();
        using var proceed = new ManualResetEventSlim();

        IEnumerable<SearchDocument> Source()
        {
            yield return Docs.Make("new", "New content", "fresh");
            building.Set();
            proceed.Wait(TimeSpan.FromSeconds(10));
        }

        var rebuild = index.RebuildAsync(Source(), "v2");
        Assert.True(building.Wait(TimeSpan.FromSeconds(10)));

        Assert.Equal(["old"], index.Find("legacy").Keys());
        Assert.Equal(0, index.Find("fresh").TotalHits);
        index.Upsert([Docs.Make("during", "Written during rebuild", "concurrent")]);
        Assert.Equal(["during"], index.Find("concurrent").Keys());

        proceed.Set();
        await rebuild.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["new"], index.Find("fresh").Keys());
        Assert.Equal(["during"], index.Find("concurrent").Keys());
        Assert.Equal(0, index.Find("legacy").TotalHits);
        Assert.Equal("v2", index.Status.Marker);
    }

    [Fact]
    public void Upserts_AfterARebuild_AreSearchableWithTheirFacets()
    {
        using var index = LuceneSearchIndex.CreateInMemory();
        index.Rebuild(Enumerable.Range(0, 40).Select(i => Docs.Make($"r{i}", "Rebuilt renewal", "renewal", tags: ["bulk"])), "v1");

        index.Upsert([Docs.Make("live", "Live renewal", "renewal", tags: ["live"])]);
        index.Delete("playbook", "r0");

        var result = index.Find("renewal");
        Assert.Equal(40, result.TotalHits);
        Assert.Equal([new FacetValue("bulk", 39), new FacetValue("live", 1)], result.Facets.Tags);
        Assert.Equal("<mark>Live</mark> <mark>renewal</mark>", index.Find("live renewal").Hits.Single().TitleHtml);
    }

    [Fact]
    public void Rebuild_ReportsProgressToCompletion()
    {
        using var index = LuceneSearchIndex.CreateInMemory();
        var reports = new List<double>();

        index.Rebuild([.. Enumerable.Range(0, 1200).Select(i => Docs.Make($"k{i}", $"Title {i}", "body"))], "m", new SyncProgress(reports));

        Assert.Equal(1200, index.DocumentCount);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Count >= 3);
    }

    [Fact]
    public void VersionMarker_RoundTripsThroughTheFolder()
    {
        var options = new SearchOptions { IndexPath = _folder.Path };
        using (var first = new LuceneSearchIndex(options))
        {
            Assert.Equal(SearchIndexHealth.Missing, first.Status.Health);
            Assert.True(first.Status.NeedsRebuild("db-42"));
            first.Rebuild([Docs.Make("k", "Persisted", "stored text")], "db-42");
            first.Upsert([Docs.Make("j", "Added later", "more text")]);
        }

        using var reopened = new LuceneSearchIndex(options);

        Assert.Equal(SearchIndexHealth.Ready, reopened.Status.Health);
        Assert.Equal(IndexSchema.Version, reopened.Status.SchemaVersion);
        Assert.Equal("db-42", reopened.Status.Marker);
        Assert.False(reopened.Status.NeedsRebuild("db-42"));
        Assert.True(reopened.Status.NeedsRebuild("db-43"));
        Assert.Equal(2, reopened.DocumentCount);
        Assert.Single(Directory.GetDirectories(_folder.Path));
    }

    [Fact]
    public void CorruptFolder_IsReportedAndAnEmptyIndexServes()
    {
        var options = new SearchOptions { IndexPath = _folder.Path };
        using (var first = new LuceneSearchIndex(options))
        {
            first.Rebuild([Docs.Make("k", "Persisted", "stored text")], "m1");
        }

        var generation = Directory.GetDirectories(_folder.Path).Single();
        foreach (var file in Directory.GetFiles(generation))
        {
            File.WriteAllBytes(file, [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]);
        }

        using var reopened = new LuceneSearchIndex(options);

        Assert.Equal(SearchIndexHealth.Corrupt, reopened.Status.Health);
        Assert.NotNull(reopened.Status.Problem);
        Assert.True(reopened.Status.NeedsRebuild("m1"));
        Assert.Equal(0, reopened.Find("stored").TotalHits);
        reopened.Rebuild([Docs.Make("k", "Persisted", "stored text")], "m1");
        Assert.Equal(1, reopened.Find("stored").TotalHits);
    }

    [Fact]
    public void HalfBuiltGeneration_LeftByAKilledRebuild_IsRemovedAtOpen_AndTheCurrentOneServes()
    {
        var options = new SearchOptions { IndexPath = _folder.Path };
        using (var first = new LuceneSearchIndex(options))
        {
            first.Rebuild([Docs.Make("k", "Persisted", "stored text")], "m1");
        }

        var current = Directory.GetDirectories(_folder.Path).Single();
        var halfBuilt = Path.Combine(_folder.Path, "gen-20990101000000-0123456789ab");
        Directory.CreateDirectory(halfBuilt);
        File.WriteAllBytes(Path.Combine(halfBuilt, "_0.fdt"), new byte[4096]);

        using var reopened = new LuceneSearchIndex(options);

        Assert.Equal([current], Directory.GetDirectories(_folder.Path));
        Assert.Equal(SearchIndexHealth.Ready, reopened.Status.Health);
        Assert.Equal(1, reopened.Find("stored").TotalHits);
    }

    public void Dispose() => _folder.Dispose();

    private sealed class SyncProgress(List<double> into) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
