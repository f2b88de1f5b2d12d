namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>
/// The list page shared by playbooks, procedures and solutions: filters in the query string. By default each document
/// is listed once, in the reader's language where it has that version; <c>language=en|zh</c> lists one language,
/// <c>language=all</c> every version.
/// </summary>
public abstract class DocumentIndexModel(KnowledgeReader reader) : PageModel
{
    public const string AllLanguages = "all";

    public abstract DocumentKind Kind { get; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>Each listed document's versions in other languages.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<LanguageVersion>> OtherLanguages { get; private set; } = new Dictionary<int, IReadOnlyList<LanguageVersion>>();

    /// <summary>The language choice in force: a language code, <see cref="AllLanguages"/>, or empty for the reader's language first.</summary>
    public string LanguageChoice => Language is { } l && (l == AllLanguages || DocumentKinds.Languages.Contains(l)) ? l : string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var choice = LanguageChoice;
        var filter = new DocumentFilter(Kind, Stage, Tag, Status, choice == AllLanguages || choice.Length == 0 ? null : choice, Mine,
            choice.Length == 0 ? KnowledgeText.ReaderLanguage() : null);
        Documents = await reader.ListAsync(filter, actor, ct);
        Tags = await reader.TagsAsync(Kind, actor, ct);
        OtherLanguages = await reader.LanguageVersionsAsync([.. Documents.Select(d => (d.Id, d.Kind, d.Slug, d.Language))], actor, ct);
    }

    /// <summary>The current filters with another language choice (empty: the reader's language first).</summary>
    public Dictionary<string, string> RouteWithLanguage(string choice)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                route[key] = value;
            }
        }

        Add("stage", Stage);
        Add("tag", Tag);
        Add("status", Status?.ToString());
        Add("mine", Mine ? "true" : null);
        Add("language", choice);
        return route;
    }
}
