using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Web.Knowledge;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>Merges a published playbook into a new revision of the procedure it improves.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class StandardiseModel(StandardisationService standardisation, IStringLocalizer<SharedResource> l) : KnowledgePageModel(l)
{
    public StandardisationProposal Proposal { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public DateOnly? Effective { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? procedure, CancellationToken ct)
    {
        var proposal = await standardisation.ProposeAsync(id, procedure, Actor, ct);
        if (proposal is null)
        {
            return NotFound();
        }

        Proposal = proposal;
        Body = proposal.ProposedBody;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int procedure, CancellationToken ct)
    {
        try
        {
            await standardisation.StandardiseAsync(id, procedure, Body ?? string.Empty, Effective, Actor, ct);
            TempData["Notice"] = L["The practice is now part of the procedure."].Value;
            return RedirectToPage("Details", new { id = procedure });
        }
        catch (KnowledgeRuleException ex)
        {
            TempData[ErrorKey] = Localise(ex);
            return RedirectToPage("Standardise", new { id, procedure });
        }
    }
}
