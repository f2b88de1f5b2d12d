using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Web.Improvement;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>A cycle: roles, target metric and baseline, what was rolled out, the computed check, Adapt actions, the chain.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class DetailsModel(ImprovementDesk desk, IStringLocalizer<SharedResource> l) : ImprovementPageModel(l)
{
    public CycleDetail View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await desk.DetailAsync(id, User.ToActor(), ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public Task<IActionResult> OnPostLinkAsync(int id, CycleLinkKind kind, int? targetId, CancellationToken ct) =>
        CommandAsync(() => targetId is { } target ? desk.Cycles.LinkAsync(id, kind, target, ct) : throw new ImprovementRuleException("Choose what to link."),
            () => Back(id), "Linked.");

    public Task<IActionResult> OnPostUnlinkAsync(int id, long linkId, CancellationToken ct) =>
        CommandAsync(() => desk.Cycles.UnlinkAsync(id, linkId, ct), () => Back(id), "Link removed.");

    public Task<IActionResult> OnPostMoveAsync(int id, CyclePhase phase, CancellationToken ct) =>
        CommandAsync(() => desk.MoveAsync(id, phase, ct), () => Back(id), "The cycle moved.");

    public Task<IActionResult> OnPostRecheckAsync(int id, CancellationToken ct) =>
        CommandAsync(() => desk.RecheckAsync(id, ct), () => Back(id), "The check was recomputed.");

    public Task<IActionResult> OnPostStandardiseAsync(int id, int playbookId, CancellationToken ct) =>
        CommandAsync(() => desk.Cycles.StandardiseAsync(id, playbookId, User.ToActor(), ct), () => Back(id),
            "The playbook was standardised into a new procedure revision.");

    public async Task<IActionResult> OnPostNextAsync(int id, string? note, CancellationToken ct)
    {
        ImprovementCycle? next = null;
        var result = await CommandAsync(async () => next = await desk.Cycles.OpenNextAsync(id, note, ct), () => Back(id),
            "The next cycle starts from this one's result.");
        return next is null ? result : RedirectToPage("Details", new { id = next.Id });
    }

    public Task<IActionResult> OnPostStopAsync(int id, string? note, CancellationToken ct) =>
        CommandAsync(() => desk.Cycles.StopAsync(id, note, ct), () => Back(id), "The cycle was closed.");

    private RedirectToPageResult Back(int id) => RedirectToPage("Details", new { id });
}
