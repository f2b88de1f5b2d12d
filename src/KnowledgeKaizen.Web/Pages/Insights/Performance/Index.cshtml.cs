using KnowledgeKaizen.Web.PerformerDetection;

namespace KnowledgeKaizen.Web.Pages.Insights.Performance;

/// <summary>Every (rep, stage) pair of the latest snapshot, ordered by class and shrunk estimate; Standouts can be asked to capture their method.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class IndexModel(PerformerDetectionPages pages, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public FindingClass? Class { get; set; }

    public FindingTable Table { get; private set; } = null!;

    /// <summary>Set when a capture request could not be sent because the rep has no portal account.</summary>
    public string? UninvitedRep { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Table = await pages.TableAsync(new FindingQuery(Stage, Team, Class), ct);

    public async Task<IActionResult> OnPostSendAsync(long findingRepId, string findingStage, CancellationToken ct)
    {
        var result = await pages.SendCaptureRequestAsync(findingRepId, findingStage, User, ct);
        if (result.Status == CaptureSendStatus.NoPortalUser)
        {
            UninvitedRep = findingStage;
            ModelState.AddModelError(string.Empty, l["This rep has no portal account yet, so there is nobody to ask. Invite them first (Admin → Users), then send the request."]);
            await OnGetAsync(ct);
            return Page();
        }

        TempData["Notice"] = result.Status switch
        {
            CaptureSendStatus.Sent => l["Capture request sent. The rep finds it in their task list."].Value,
            CaptureSendStatus.AlreadyRequested => l["A capture request for this rep and stage already exists."].Value,
            CaptureSendStatus.NotStandout => l["Only a Standout finding warrants a capture request."].Value,
            _ => l["This finding no longer exists; the findings were recomputed."].Value,
        };
        return RedirectToPage(new { Stage, Team, Class });
    }
}
