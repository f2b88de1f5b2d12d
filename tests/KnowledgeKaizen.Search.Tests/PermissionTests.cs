namespace KnowledgeKaizen.Search.Tests;

public sealed class PermissionTests : IDisposable
{
    private readonly LuceneSearchIndex _index = Docs.IndexWith(
        Docs.Make("pub", "Pricing playbook", "pricing", status: "published", visibility: SearchVisibility.ForRoles("Staff", "Contributor")),
        Docs.Make("draft", "Pricing draft", "pricing", status: "draft", visibility: new SearchVisibility(["KnowledgeManager"], ["u-author", "u-reviewer"])),
        Docs.Make("internal", "Pricing feedback", "pricing", type: "feedback", visibility: SearchVisibility.ForRoles("KnowledgeManager")));

    [Fact]
    public void Staff_NeverSeesDraftsOrRestrictedTypes()
    {
        var result = _index.Find("pricing", Docs.Staff);

        Assert.Equal(["pub"], result.Keys());
        Assert.Equal(1, result.TotalHits);
        Assert.Equal([new FacetValue("published", 1)], result.Facets.Statuses);
    }

    [Fact]
    public void Author_SeesOwnDraft()
    {
        var author = new SearchReader("u-author", ["Staff"]);

        Assert.Equal(["draft", "pub"], _index.Find("pricing", author).Keys().Order());
    }

    [Fact]
    public void RoleNames_MatchCaseInsensitively()
    {
        var manager = new SearchReader("u-m", ["knowledgemanager"]);

        Assert.Equal(["draft", "internal"], _index.Find("pricing", manager).Keys().Order());
    }

    [Fact]
    public void Anonymous_SeesNothing()
    {
        Assert.Empty(_index.Find("pricing", SearchReader.Anonymous).Hits);
        Assert.Empty(_index.Suggest("pric", 5, SearchReader.Anonymous));
    }

    [Fact]
    public void Suggest_HidesTitlesTheReaderCannotSee()
    {
        var titles = _index.Suggest("pricing", 10, Docs.Staff).Select(s => s.Text);

        Assert.Equal(["Pricing playbook"], titles);
    }

    [Fact]
    public void BrowseWithoutText_IsAlsoFiltered()
    {
        Assert.Equal(["pub"], _index.Search(new SearchRequest { Reader = Docs.Staff }).Keys());
    }

    [Fact]
    public void UnrestrictedReader_SeesEverything()
    {
        Assert.Equal(3, _index.Find("pricing", SearchReader.Unrestricted).TotalHits);
    }

    [Fact]
    public void CachedVisibility_FollowsChangedPermissions()
    {
        var author = new SearchReader("u-author", ["Staff"]);
        var reviewer = new SearchReader("u-reviewer", ["Staff"]);
        Assert.Equal(["draft", "pub"], _index.Find("pricing", author).Keys().Order());
        Assert.Equal(["draft", "pub"], _index.Find("pricing", reviewer).Keys().Order());

        _index.Upsert([Docs.Make("draft", "Pricing draft", "pricing", status: "draft", visibility: new SearchVisibility(["KnowledgeManager"], ["u-reviewer"]))]);

        Assert.Equal(["pub"], _index.Find("pricing", author).Keys());
        Assert.Equal(["draft", "pub"], _index.Find("pricing", reviewer).Keys().Order());
    }

    [Fact]
    public void VisibilityWithFacetFilter_CombinesBoth()
    {
        var manager = new SearchReader("u-m", ["KnowledgeManager"]);

        var result = _index.Search(new SearchRequest { Text = "pricing", Reader = manager, Types = ["feedback"] });

        Assert.Equal(["internal"], result.Keys());
    }

    public void Dispose() => _index.Dispose();
}
