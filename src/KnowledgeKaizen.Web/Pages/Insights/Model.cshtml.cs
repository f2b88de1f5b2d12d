using KnowledgeKaizen.Web.PerformerDetection;

namespace KnowledgeKaizen.Web.Pages.Insights;

/// <summary>The expected-outcome model: quality report, calibration by decile, trainer comparison, versions and the Retrain button.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class ExpectedOutcomeReportModel(PerformerDetectionPages pages, DisplayNames names) : PageModel
{
    public ModelOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Overview = await pages.ModelAsync(ct);

    public async Task<IActionResult> OnPostRetrainAsync(CancellationToken ct)
    {
        await pages.RetrainAsync(User, ct);
        return RedirectToPage();
    }

    /// <summary>Polled by performer-detection.js for the progress bar.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct)
    {
        var job = await pages.JobAsync(id, ct);
        return job is null
            ? NotFound()
            : new JsonResult(new { status = job.Status.ToString(), progress = job.Progress, message = names.InsightMessage(job.Message), finished = job.IsFinished });
    }
}
