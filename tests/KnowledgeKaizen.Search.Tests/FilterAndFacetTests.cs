namespace KnowledgeKaizen.Search.Tests;

public sealed class FilterAndFacetTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("p1", "Discovery call checklist", "Ask about budget early.", type: "playbook", tags: ["discovery", "budget"], stages: ["qualify"], author: "alice", status: "published"),
        Docs.Make("p2", "Budget objections", "When budget is tight, split the order.", type: "playbook", tags: ["budget"], stages: ["proposal", "negotiate"], author: "bob", status: "standardised"),
        Docs.Make("s1", "Budget report export fails", "Export the budget report again after clearing the cache.", type: "solution", tags: ["crm", "budget"], stages: [], author: "carol", status: "published"),
        Docs.Make("c1", "预算审批流程", "预算 budget 审批需要两级签字。", type: "procedure", tags: ["approval"], stages: ["negotiate"], author: "alice", status: "published"));

    [Fact]
    public void Facets_CountEveryValueOverAllMatches()
    {
        var facets = _index.Find("budget").Facets;

        Assert.Equal([new FacetValue("playbook", 2), new FacetValue("procedure", 1), new FacetValue("solution", 1)], facets.Types);
        Assert.Equal([new FacetValue("negotiate", 2), new FacetValue("proposal", 1), new FacetValue("qualify", 1)], facets.Stages);
        Assert.Equal(new FacetValue("budget", 3), facets.Tags[0]);
        Assert.Contains(new FacetValue("approval", 1), facets.Tags);
        Assert.Equal([new FacetValue("published", 3), new FacetValue("standardised", 1)], facets.Statuses);
        Assert.Equal([new FacetValue("en", 3), new FacetValue("zh", 1)], facets.Languages);
        Assert.Equal([new FacetValue("alice", 2), new FacetValue("bob", 1), new FacetValue("carol", 1)], facets.Authors);
    }

    [Theory]
    [InlineData("type", "solution", new[] { "s1" })]
    [InlineData("stage", "negotiate", new[] { "c1", "p2" })]
    [InlineData("tag", "crm", new[] { "s1" })]
    [InlineData("status", "standardised", new[] { "p2" })]
    [InlineData("language", "zh", new[] { "c1" })]
    [InlineData("author", "alice", new[] { "c1", "p1" })]
    public void Filter_KeepsOnlyMatchingValue(string facet, string value, string[] expected)
    {
        var request = new SearchRequest { Text = "budget", Reader = Docs.Staff };
        request = facet switch
        {
            "type" => request with { Types = [value] },
            "stage" => request with { Stages = [value] },
            "tag" => request with { Tags = [value] },
            "status" => request with { Statuses = [value] },
            "language" => request with { Languages = [value] },
            _ => request with { Authors = [value] },
        };

        var result = _index.Search(request);

        Assert.Equal(expected, result.Keys().Order());
        Assert.Equal(expected.Length, result.TotalHits);
    }

    [Fact]
    public void Filters_AreOrWithinAListAndAndAcrossLists()
    {
        var result = _index.Search(new SearchRequest { Text = "budget", Reader = Docs.Staff, Types = ["playbook", "solution"], Authors = ["alice", "carol"] });

        Assert.Equal(["p1", "s1"], result.Keys().Order());
    }

    [Fact]
    public void Sort_Newest_OrdersByUpdate()
    {
        var index = Docs.IndexWith(
            Docs.Make("old", "Budget", "budget", updated: Docs.Now.AddDays(-300)),
            Docs.Make("new", "Budget", "budget", updated: Docs.Now.AddDays(-1)),
            Docs.Make("mid", "Budget", "budget", updated: Docs.Now.AddDays(-100)));

        var result = index.Search(new SearchRequest { Text = "budget", Reader = Docs.Staff, Sort = SearchSort.Newest });

        Assert.Equal(["new", "mid", "old"], result.Keys());
    }

    [Fact]
    public void Relevance_TitleMatchOutranksBodyMatch_AndHelpfulnessBreaksTies()
    {
        var index = Docs.IndexWith(
            Docs.Make("body", "Meeting notes", "Renewal discussed."),
            Docs.Make("title", "Renewal", "Meeting notes."),
            Docs.Make("title-liked", "Renewal", "Meeting notes.", helpfulness: 20));

        Assert.Equal(["title-liked", "title", "body"], index.Find("renewal").Keys());
    }

    public void Dispose() => _index.Dispose();
}
