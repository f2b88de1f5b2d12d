namespace KnowledgeKaizen.Search.Tests;

/// <summary>Language versions of one document show as one result with a switch; near-identical records as one with a count.</summary>
public sealed class GroupingTests : IDisposable
{
    private readonly LuceneSearchIndex _index;

    public GroupingTests()
    {
        var documents = new List<SearchDocument>
        {
            Docs.Make("11", "Discovery visit", "Ask about the KPI the buyer reports on.", type: "procedure", language: "en") with { VersionGroup = "procedure/discovery-visit" },
            Docs.Make("12", "需求调研拜访", "询问客户要汇报的 KPI。", type: "procedure", language: "zh") with { VersionGroup = "procedure/discovery-visit" },
            Docs.Make("13", "Quote approval", "Discounts above the limit need a director's KPI check.", type: "procedure", language: "en") with { VersionGroup = "procedure/quote-approval" },
            Docs.Make("14", "报价审批", "超过上限的折扣需要总监审批。", type: "procedure", language: "zh", visibility: SearchVisibility.ForRoles("KnowledgeManager")) with { VersionGroup = "procedure/quote-approval" },
        };
        for (var i = 0; i < 40; i++)
        {
            documents.Add(Docs.Make($"FB-{i}", $"Order SO-{1000 + i} is {i % 9 + 2} days late", $"Order SO-{1000 + i} is {i % 9 + 2} days late and nobody told us why.", type: "feedback", language: "en") with { DuplicateGroup = "order is days late and nobody told us why" });
        }

        documents.Add(Docs.Make("FB-x", "The delivery was late again", "Third late delivery this year.", type: "feedback", language: "en"));
        _index = Docs.IndexWith([.. documents]);
    }

    [Fact]
    public void LanguageVersions_AreOneResult_WithTheOtherLanguageToSwitchTo()
    {
        var result = _index.Find("KPI");

        var hit = Assert.Single(result.Hits, h => h.Key is "11" or "12");
        Assert.Equal(["en", "zh"], new[] { hit.Language, Assert.Single(hit.Versions).Language }.Order());
        Assert.Equal(2, result.TotalHits);
    }

    [Theory]
    [InlineData("zh", "12", "en")]
    [InlineData("en", "11", "zh")]
    public void LanguageVersions_ShowThePreferredLanguage_WhenItMatched(string preferred, string shown, string switchTo)
    {
        var result = _index.Search(new SearchRequest { Text = "KPI", Reader = Docs.Staff, PreferredLanguage = preferred });

        var hit = Assert.Single(result.Hits, h => h.Key is "11" or "12");
        Assert.Equal(shown, hit.Key);
        Assert.Equal(switchTo, Assert.Single(hit.Versions).Language);
    }

    [Fact]
    public void LanguageSwitch_OffersOnlyVersionsTheReaderMaySee()
    {
        var hit = Assert.Single(_index.Find("quote approval").Hits);

        Assert.Empty(hit.Versions);
        Assert.Single(_index.Find("quote approval", new SearchReader("km", ["Staff", "KnowledgeManager"])).Hits.Single().Versions);
    }

    [Fact]
    public void NearIdenticalRecords_CollapseIntoOneResultWithACount()
    {
        var result = _index.Find("late");

        Assert.Equal(2, result.TotalHits);
        var flood = Assert.Single(result.Hits, h => h.Similar > 0);
        Assert.Equal(39, flood.Similar);
        Assert.Equal(41, result.Facets.Types.Single().Count);
    }

    [Fact]
    public void OneGroup_CanBeListedInFull()
    {
        var group = _index.Find("late").Hits.Single(h => h.Similar > 0).Group;

        var all = _index.Search(new SearchRequest { Text = "late", Reader = Docs.Staff, Group = group, Take = 100 });

        Assert.Equal(40, all.TotalHits);
        Assert.All(all.Hits, h => Assert.Equal(0, h.Similar));
    }

    [Fact]
    public void Browsing_NewestFirst_CollapsesToo()
    {
        var result = _index.Search(new SearchRequest { Reader = Docs.Staff, Types = ["feedback"] });

        Assert.Equal(2, result.TotalHits);
    }

    public void Dispose() => _index.Dispose();
}
