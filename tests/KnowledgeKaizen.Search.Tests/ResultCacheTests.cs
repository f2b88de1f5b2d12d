using KnowledgeKaizen.Search.Querying;
using KnowledgeKaizen.Testing;

namespace KnowledgeKaizen.Search.Tests;

/// <summary>
/// Repeated searches are answered from the result cache, but never across readers and never after the index or the
/// term map changed.
/// </summary>
public sealed class ResultCacheTests : IDisposable
{
    private static readonly SearchReader Manager = new("u-manager", ["KnowledgeManager"]);
    private readonly ManualClock _clock = new(Docs.Now);
    private readonly LuceneSearchIndex _index;

    public ResultCacheTests()
    {
        _index = LuceneSearchIndex.CreateInMemory(_clock);
        _index.Upsert([
            Docs.Make("pub", "Pricing playbook", "pricing", visibility: SearchVisibility.ForRoles("Staff", "Contributor")),
            Docs.Make("draft", "Pricing draft", "pricing", status: "draft", visibility: new SearchVisibility(["KnowledgeManager"], ["u-author"])),
            Docs.Make("internal", "Pricing feedback", "pricing", type: "feedback", visibility: SearchVisibility.ForRoles("KnowledgeManager")),
        ]);
    }

    [Fact]
    public void TheSameSearch_IsAnsweredFromTheCache()
    {
        var first = _index.Find("pricing");

        Assert.Same(first, _index.Find("pricing"));
        Assert.Same(first, _index.Search(new SearchRequest { Text = "pricing", Reader = new SearchReader("u-staff", ["Staff"]) }));
    }

    [Fact]
    public void Staff_NeverGetsTheResultComputedForAManager()
    {
        var forManager = _index.Find("pricing", Manager);
        var forStaff = _index.Find("pricing", Docs.Staff);

        Assert.Equal(["draft", "internal"], forManager.Keys().Order());
        Assert.Equal(["pub"], forStaff.Keys());
        Assert.Equal(1, forStaff.TotalHits);
        Assert.Equal([new FacetValue("playbook", 1)], forStaff.Facets.Types);
    }

    [Fact]
    public void AnotherUserWithTheSameRoles_NeverGetsTheAuthorsDrafts()
    {
        var author = new SearchReader("u-author", ["Staff"]);
        var colleague = new SearchReader("u-colleague", ["Staff"]);

        Assert.Equal(["draft", "pub"], _index.Find("pricing", author).Keys().Order());
        Assert.Equal(["pub"], _index.Find("pricing", colleague).Keys());
    }

    [Fact]
    public void Writes_AreSeenByTheNextSearch()
    {
        Assert.Equal(["pub"], _index.Find("pricing").Keys());

        _index.Upsert([Docs.Make("new", "Pricing update", "pricing")]);
        Assert.Equal(["new", "pub"], _index.Find("pricing").Keys().Order());

        _index.Delete("playbook", "pub");
        Assert.Equal(["new"], _index.Find("pricing").Keys());

        _index.Upsert([Docs.Make("new", "Pricing update", "pricing", visibility: SearchVisibility.ForRoles("KnowledgeManager"))]);
        Assert.Empty(_index.Find("pricing").Hits);
    }

    [Fact]
    public void ARebuild_IsSeenByTheNextSearch()
    {
        Assert.Equal(["pub"], _index.Find("pricing").Keys());

        _index.Rebuild([Docs.Make("rebuilt", "Pricing rebuilt", "pricing")], "v2");

        Assert.Equal(["rebuilt"], _index.Find("pricing").Keys());
    }

    [Fact]
    public void ANewTermMap_IsSeenByTheNextSearch()
    {
        _index.Upsert([Docs.Make("zh", "定价手册", "如何定价", language: "zh")]);
        Assert.Equal(["pub"], _index.Find("pricing").Keys());

        _index.UseTerms(TermMap.FromRows([("pricing", "定价")]).Map);

        Assert.Equal(["pub", "zh"], _index.Find("pricing").Keys());
    }

    [Fact]
    public void Entries_ExpireSoThatRankingByFreshnessFollowsTheClock()
    {
        var first = _index.Find("pricing");

        _clock.Now += ResultCache.Lifetime;

        var later = _index.Find("pricing");
        Assert.NotSame(first, later);
        Assert.Equal(first.Keys(), later.Keys());
    }

    [Fact]
    public void EveryPartOfTheRequest_ChangesTheKey_ButNotTheOrderOfFilterValues()
    {
        var request = new SearchRequest { Text = "pricing", Reader = Docs.Staff, Types = ["playbook", "feedback"] };
        var variants = new[]
        {
            request with { Text = "pricing " },
            request with { Reader = Manager },
            request with { Reader = new SearchReader("u-other", ["Staff"]) },
            request with { Reader = SearchReader.Unrestricted },
            request with { Types = ["playbook"] },
            request with { Stages = ["playbook"] },
            request with { Tags = ["playbook"] },
            request with { Statuses = ["playbook"] },
            request with { Languages = ["en"] },
            request with { Authors = ["alice"] },
            request with { Group = "g" },
            request with { PreferredLanguage = "zh" },
            request with { Sort = SearchSort.Newest },
            request with { Skip = 10 },
            request with { Take = 20 },
            request with { FacetLimit = 5 },
            request with { IncludeFacets = false },
            request with { Highlight = false },
            request with { Types = [], Tags = ["playbook", "feedback"] },
        };

        var keys = variants.Select(ResultCache.Key).Append(ResultCache.Key(request)).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ResultCache.Key(request), ResultCache.Key(request with { Types = ["feedback", "playbook"] }));
    }

    [Fact]
    public void WithoutACache_EverySearchIsComputed()
    {
        using var uncached = LuceneSearchIndex.CreateInMemory(_clock, new SearchOptions { ResultCacheEntries = 0 });
        uncached.Upsert([Docs.Make("pub", "Pricing playbook", "pricing")]);

        Assert.NotSame(uncached.Find("pricing"), uncached.Find("pricing"));
    }

    public void Dispose() => _index.Dispose();
}
