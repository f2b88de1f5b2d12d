namespace KnowledgeKaizen.Search.Tests;

/// <summary>Facet counts stay exact across segments, replaced documents and documents without facet values.</summary>
public sealed class FacetCountingTests : IDisposable
{
    private readonly LuceneSearchIndex _index = LuceneSearchIndex.CreateInMemory();

    [Fact]
    public void Facets_SpanningSeveralSegments_AddUpPerValue()
    {
        // Each upsert commits, so each batch lands in its own segment with its own ordinals.
        _index.Upsert([Docs.Make("a", "Renewal call", "renewal", type: "playbook", tags: ["renewal", "phone"], author: "alice")]);
        _index.Upsert([Docs.Make("b", "Renewal email", "renewal", type: "solution", tags: ["email", "renewal"], author: "bob")]);
        _index.Upsert([Docs.Make("c", "Renewal pricing", "renewal", type: "playbook", tags: ["renewal"], author: "alice")]);

        var facets = _index.Find("renewal").Facets;

        Assert.Equal([new FacetValue("playbook", 2), new FacetValue("solution", 1)], facets.Types);
        Assert.Equal([new FacetValue("renewal", 3), new FacetValue("email", 1), new FacetValue("phone", 1)], facets.Tags);
        Assert.Equal([new FacetValue("alice", 2), new FacetValue("bob", 1)], facets.Authors);
    }

    [Fact]
    public void Facets_OfAReplacedDocument_CountOnlyItsNewValues()
    {
        _index.Upsert([Docs.Make("a", "Renewal call", "renewal", tags: ["phone"], stages: ["renewal"], status: "draft")]);
        _index.Upsert([Docs.Make("a", "Renewal call", "renewal", tags: ["email"], stages: ["close"], status: "published")]);

        var facets = _index.Find("renewal").Facets;

        Assert.Equal([new FacetValue("email", 1)], facets.Tags);
        Assert.Equal([new FacetValue("close", 1)], facets.Stages);
        Assert.Equal([new FacetValue("published", 1)], facets.Statuses);
    }

    [Fact]
    public void Facets_OfDocumentsWithoutValues_AreLeftOut()
    {
        _index.Upsert(
        [
            Docs.Make("bare", "Renewal", "renewal", tags: [], stages: [], author: null),
            Docs.Make("full", "Renewal", "renewal", tags: ["phone"], stages: ["close"], author: "carol"),
        ]);

        var facets = _index.Find("renewal").Facets;

        Assert.Equal([new FacetValue("phone", 1)], facets.Tags);
        Assert.Equal([new FacetValue("close", 1)], facets.Stages);
        Assert.Equal([new FacetValue("carol", 1)], facets.Authors);
        Assert.Equal([new FacetValue("playbook", 2)], facets.Types);
    }

    [Fact]
    public void Facets_CountEveryMatch_NotOnlyThePage()
    {
        _index.Upsert(Enumerable.Range(0, 150).Select(i => Docs.Make($"d{i}", "Renewal", "renewal", type: i % 3 == 0 ? "case" : "playbook")));

        var result = _index.Search(new SearchRequest { Text = "renewal", Reader = Docs.Staff, Take = 5 });

        Assert.Equal(5, result.Hits.Count);
        Assert.Equal([new FacetValue("playbook", 100), new FacetValue("case", 50)], result.Facets.Types);
    }

    [Fact]
    public void Facets_AfterManySmallWritesAreMerged_StayExact()
    {
        // Thirty commits make thirty small segments, which the merge policy merges (and the warmer tabulates).
        for (var i = 0; i < 30; i++)
        {
            _index.Upsert([Docs.Make($"d{i}", "Renewal", "renewal", tags: i % 2 == 0 ? ["even"] : ["odd"], author: $"rep{i % 3}")]);
        }

        _index.Delete("playbook", "d0");

        var facets = _index.Find("renewal").Facets;
        Assert.Equal([new FacetValue("odd", 15), new FacetValue("even", 14)], facets.Tags);
        Assert.Equal([new FacetValue("rep1", 10), new FacetValue("rep2", 10), new FacetValue("rep0", 9)], facets.Authors);
    }

    public void Dispose() => _index.Dispose();
}
