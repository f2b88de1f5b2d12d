namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>A progress bar for a running import; the script polls the job and moves on to the report.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ProgressModel(ImportService imports) : PageModel
{
    public ImportRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var importId) || await imports.FindAsync(importId, ct) is not { } record)
        {
            return NotFound();
        }

        if (record.JobId is null)
        {
            return RedirectToPage("Details", new { id });
        }

        Record = record;
        return Page();
    }
}
