using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>The search page: words, facet filters with counts, sort and pages, all carried in the URL.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(PortalSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public List<string> Type { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "stage")]
    public List<string> Stage { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "tag")]
    public List<string> Tag { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "status")]
    public List<string> Status { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "lang")]
    public List<string> Lang { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "author")]
    public List<string> Author { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "group")]
    public string? Group { get; set; }

    // From the query string only: Razor Pages' route values hold "page" too (the page's path), which bound first, so
    // every search threw and caught two conversion exceptions and ?page=2 was never read.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    private string? _goPath;

    public SearchPage Results { get; private set; } = null!;

    /// <summary>Where the search form sends its words and filters.</summary>
    public string SearchPath => Url.Page("/Search/Index") ?? "/Search";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = new SearchQuery
        {
            Text = Q,
            Types = SearchQuery.Clean(Type),
            Stages = SearchQuery.Clean(Stage),
            Tags = SearchQuery.Clean(Tag),
            Statuses = SearchQuery.Clean(Status),
            Languages = SearchQuery.Clean(Lang),
            Authors = SearchQuery.Clean(Author),
            Sort = string.Equals(Sort, "newest", StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance,
            Group = Group,
            Language = SearchLabels.ReaderLanguage,
            Page = PageNumber,
        };
        Results = await search.SearchAsync(query, User, ct);
    }

    /// <summary>
    /// A result's link through <c>/Search/Go</c>, which logs the click against this search. The path is routed once per
    /// page, not once per link.
    /// </summary>
    public string GoLink(int position, string type, string key)
    {
        _goPath ??= Url.Page("/Search/Go") ?? "/Search/Go";
        var pairs = new List<KeyValuePair<string, string?>>(4);
        if (Results.QueryId is { } queryId)
        {
            pairs.Add(new("qid", queryId.ToString(CultureInfo.InvariantCulture)));
        }

        pairs.Add(new("pos", position.ToString(CultureInfo.InvariantCulture)));
        pairs.Add(new("type", type));
        pairs.Add(new("key", key));
        return _goPath + QueryString.Create(pairs);
    }

    /// <summary>
    /// The current URL (query words, filters, sort) with the words, page or listed group changed: for page, did-you-mean and
    /// "similar" links.
    /// </summary>
    public string LinkWith(string? text = null, int? page = null, string? group = null)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("q", text ?? Q) };
        if ((group ?? Group) is { Length: > 0 } shownGroup)
        {
            pairs.Add(new("group", shownGroup));
        }

        foreach (var (name, values) in new[] { ("type", Type), ("stage", Stage), ("tag", Tag), ("status", Status), ("lang", Lang), ("author", Author) })
        {
            pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(name, v)));
        }

        if (Results.Query.Sort == SearchSort.Newest)
        {
            pairs.Add(new("sort", "newest"));
        }

        if (page is > 1)
        {
            pairs.Add(new("page", page.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return (Url.Page("/Search/Index") ?? "/Search") + QueryString.Create(pairs);
    }
}
