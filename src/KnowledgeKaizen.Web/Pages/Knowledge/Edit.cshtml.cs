using Microsoft.AspNetCore.Mvc.Filters;

namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>Creates and edits documents. A save that lost a race shows both texts instead of overwriting.</summary>
[Authorize(Policy = Policies.Contributor)]
public sealed class EditModel(KnowledgeService knowledge, KnowledgeReader reader, ReaderFeedbackService autosave, MarkdownHtml markdown,
    IStringLocalizer<SharedResource> l) : KnowledgePageModel(l)
{
    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public DocumentKind Kind { get; private set; } = DocumentKind.Playbook;

    /// <summary>Set when someone else saved first: their revision, shown beside the editor's text.</summary>
    public DocumentRevision? Theirs { get; private set; }

    public string? TheirsHtml { get; private set; }

    public DraftAutosave? Autosaved { get; private set; }

    public string Slot => ReaderFeedbackService.SlotFor(Id, Kind);

    /// <summary>Playbooks: the published procedures and their steps, per language, for the step picker.</summary>
    public IReadOnlyList<(string Language, ProcedureOutline Procedure)> Outlines { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult && Kind == DocumentKind.Playbook)
        {
            var outlines = new List<(string, ProcedureOutline)>();
            foreach (var language in DocumentKinds.Languages)
            {
                outlines.AddRange((await reader.ProcedureOutlinesAsync(language, HttpContext.RequestAborted)).Select(o => (language, o)));
            }

            Outlines = outlines;
        }
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? kind, string? language, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var document = await knowledge.FindAsync(existing, Actor, ct);
            if (document is null || !document.CanEdit(Actor))
            {
                return NotFound();
            }

            (Id, Kind, Input) = (document.Id, document.Kind, DocumentInput.From(document));
        }
        else
        {
            Kind = DocumentKinds.Parse(kind) ?? DocumentKind.Playbook;
            if (Kind == DocumentKind.Procedure && !Actor.IsManager)
            {
                return Forbid();
            }

            Input.Language = language == "zh" ? "zh" : "en";
            Input.Body = DocumentTemplates.For(Kind, Input.Language);
        }

        var slot = await autosave.FindAutosaveAsync(Actor.UserId ?? string.Empty, Slot, ct);
        Autosaved = slot is not null && (slot.Body != Input.Body || slot.Title != Input.Title) ? slot : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? kind, CancellationToken ct)
    {
        Kind = DocumentKinds.Parse(kind) ?? DocumentKind.Playbook;
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            return id is { } existing ? await SaveAsync(existing, ct) : await CreateAsync(ct);
        }
        catch (KnowledgeRuleException ex)
        {
            ModelState.AddModelError(string.Empty, Localise(ex));
            return Page();
        }
    }

    private async Task<IActionResult> CreateAsync(CancellationToken ct)
    {
        if (Kind == DocumentKind.Procedure && !Actor.IsManager)
        {
            return Forbid();
        }

        var document = await knowledge.CreateAsync(Kind, Input.Language, Input.Slug, Input.Title, Input.Body ?? string.Empty, Input.ToMetadata(), Actor, ct);
        await autosave.DiscardAutosaveAsync(Actor.UserId ?? string.Empty, ReaderFeedbackService.SlotFor(null, Kind), ct);
        TempData["Notice"] = L["Draft saved."].Value;
        return RedirectToPage("Details", new { id = document.Id });
    }

    private async Task<IActionResult> SaveAsync(int id, CancellationToken ct)
    {
        var outcome = await knowledge.SaveAsync(id, Input.Version, Input.Title, Input.Body ?? string.Empty, Input.ToMetadata(), Input.ChangeNote, Actor, ct);
        switch (outcome.Status)
        {
            case SaveStatus.Saved:
                await autosave.DiscardAutosaveAsync(Actor.UserId ?? string.Empty, Slot, ct);
                TempData["Notice"] = L["Saved as revision {0}.", outcome.Document!.CurrentRevisionNumber].Value;
                return RedirectToPage("Details", new { id, revision = outcome.Document.CurrentRevisionNumber });
            case SaveStatus.Conflict:
                Kind = outcome.Document!.Kind;
                Theirs = outcome.TheirRevision;
                TheirsHtml = Theirs is null ? string.Empty : markdown.Revision(Theirs);
                // The next save is made knowingly on top of their revision.
                Input.Version = outcome.Document.Version;
                ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
                return Page();
            case SaveStatus.Invalid:
                Kind = outcome.Document!.Kind;
                ModelState.AddModelError(string.Empty, Localise(outcome.Error!));
                return Page();
            default:
                return NotFound();
        }
    }
}
