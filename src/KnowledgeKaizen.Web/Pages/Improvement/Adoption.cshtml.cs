using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>Handlers behind the adoption panel on a playbook: "I applied this" (toggle) and the view beacon.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class AdoptionModel(AdoptionService adoption, IStringLocalizer<SharedResource> l) : ImprovementPageModel(l)
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostToggleAsync(int documentId, CancellationToken ct)
    {
        var back = await CommandAsync(() => adoption.ToggleAppliedAsync(documentId, User.ToActor().UserId!, ct),
            () => Redirect($"/Knowledge/Details/{documentId}"), "Saved.");
        return back;
    }

    /// <summary>Called by improvement.js when a reader opens the document; answers 204.</summary>
    public async Task<IActionResult> OnPostViewAsync(int documentId, CancellationToken ct)
    {
        await adoption.RecordViewAsync(documentId, User.ToActor().UserId!, ct);
        return new NoContentResult();
    }
}
