using KnowledgeKaizen.Core.Terms;
using KnowledgeKaizen.Lexicon;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>
/// The bilingual term map, edited by KnowledgeManagers as a table: one concept per row, its English and its Chinese
/// terms. Searches and the next complaint clustering use it as soon as it is saved.
/// </summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class TermsModel(TermMapDesk desk) : PageModel
{
    /// <summary>Empty rows offered below the map for new concepts.</summary>
    public const int BlankRows = 5;

    [BindProperty]
    public List<TermRow> Rows { get; set; } = [];

    [BindProperty]
    public string BasedOn { get; set; } = "";

    public IReadOnlyList<TermMapProblem> Problems { get; private set; } = [];

    public bool ChangedMeanwhile { get; private set; }

    public bool Edited { get; private set; }

    [TempData]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Show(await desk.LoadAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await desk.SaveAsync(Rows.Select(r => (r.English ?? "", r.Chinese ?? "")), BasedOn, ct);
        if (result.Saved)
        {
            Saved = true;
            return RedirectToPage();
        }

        Problems = result.Problems;
        ChangedMeanwhile = result.ChangedMeanwhile;
        Edited = result.Current.Edited;
        if (ChangedMeanwhile)
        {
            Show(result.Current);
        }

        return Page();
    }

    /// <summary>The problems of one row (1-based, as the map counts them).</summary>
    public IEnumerable<TermMapProblem> ProblemsOf(int row) => Problems.Where(p => p.Row == row);

    public static string Message(TermMapProblemKind kind) => kind switch
    {
        TermMapProblemKind.MissingLanguage => "Give the terms in both languages.",
        TermMapProblemKind.TermTooLong => "A term is too long: {0}",
        TermMapProblemKind.DuplicateTerm => "This term is already in another row: {0}",
        TermMapProblemKind.TooManyEntries => "The map holds at most 2,000 rows.",
        _ => kind.ToString(),
    };

    private void Show(TermMapVersion current)
    {
        BasedOn = current.Version;
        Edited = current.Edited;
        Rows = [.. current.Map.Entries.Select(e => new TermRow { English = string.Join(", ", e.English), Chinese = string.Join("，", e.Chinese) }),
            .. Enumerable.Range(0, BlankRows).Select(_ => new TermRow())];
    }

    public sealed class TermRow
    {
        public string? English { get; set; }

        public string? Chinese { get; set; }
    }
}
