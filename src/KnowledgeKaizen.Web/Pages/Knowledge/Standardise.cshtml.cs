using KnowledgeKaizen.Core.Markdown;

namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>
/// Merges a published playbook's practice into a new revision of the procedure it improves: the proposed text (editable),
/// its changes against the procedure's current text and a preview, then publication from an explicit date.
/// </summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class StandardiseModel(StandardisationService standardisation, MarkdownRenderer markdown, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : KnowledgePageModel(l)
{
    public StandardisationProposal Proposal { get; private set; } = null!;

    public string PreviewHtml { get; private set; } = string.Empty;

    [BindProperty]
    public string? Body { get; set; }

    /// <summary>Shown filled with today, so the default is visible; an emptied field is refused, never read as today.</summary>
    [BindProperty]
    public DateOnly? Effective { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? procedure, CancellationToken ct)
    {
        Effective = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await ShowAsync(id, procedure, null, ct);
    }

    /// <summary>Shows the changes and the preview of the edited text; publishes nothing.</summary>
    public Task<IActionResult> OnPostPreviewAsync(int id, int procedure, CancellationToken ct) => ShowAsync(id, procedure, Body ?? string.Empty, ct);

    public async Task<IActionResult> OnPostAsync(int id, int procedure, CancellationToken ct)
    {
        if (Effective is not { } effective)
        {
            ModelState.AddModelError(nameof(Effective), L["Choose the date the new revision takes effect."]);
            return await ShowAsync(id, procedure, Body ?? string.Empty, ct);
        }

        try
        {
            await standardisation.StandardiseAsync(id, procedure, Body ?? string.Empty, effective, Actor, ct);
            TempData["Notice"] = L["The practice is now part of the procedure."].Value;
            return RedirectToPage("Details", new { id = procedure });
        }
        catch (KnowledgeRuleException ex)
        {
            TempData[ErrorKey] = Localise(ex);
            return RedirectToPage("Standardise", new { id, procedure });
        }
    }

    private async Task<IActionResult> ShowAsync(int id, int? procedure, string? editedBody, CancellationToken ct)
    {
        var proposal = await standardisation.ProposeAsync(id, procedure, Actor, editedBody, ct);
        if (proposal is null)
        {
            return NotFound();
        }

        Proposal = proposal;
        Body = proposal.ProposedBody;
        PreviewHtml = markdown.ToHtml(proposal.ProposedBody);
        return Page();
    }
}
