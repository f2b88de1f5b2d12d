using KnowledgeKaizen.Web.PerformerDetection;

namespace KnowledgeKaizen.Web.Pages.Insights.Performance;

/// <summary>
/// One finding with its evidence: observed against expected with the interval, deal mix and behaviour against peers.
/// Managers see any; a rep sees their own Standout, Promising or Typical finding; anything else is 404.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class FindingModel(PerformerDetectionPages pages) : PageModel
{
    public FindingDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long repId, string stage, CancellationToken ct)
    {
        var detail = await pages.FindingAsync(User, repId, stage, ct);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
