using KnowledgeKaizen.Search.Indexing;

namespace KnowledgeKaizen.Web.Pages.Admin;

/// <summary>The search index's health, per-type counts against the database, and a rebuild with a progress bar.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SearchIndexModel(SearchIndexMaintenance maintenance) : PageModel
{
    public SearchIndexReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await maintenance.ReportAsync(ct);

    /// <summary>Queues a rebuild (or joins the one already queued); search keeps serving the current index meanwhile.</summary>
    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        await maintenance.EnqueueRebuildAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return RedirectToPage();
    }
}
