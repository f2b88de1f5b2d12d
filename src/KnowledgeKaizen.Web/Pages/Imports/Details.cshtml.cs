using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Core.Ingestion.Mapping;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>The report of one import; for a preview, the button that commits the same file (through the same mapping).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DetailsModel(ImportService imports) : PageModel
{
    public ImportRecord Record { get; private set; } = null!;

    public ImportReport? Report { get; private set; }

    /// <summary>The mapping the file was read through, when it was not in the portal's own layout.</summary>
    public AppliedMapping? Mapping { get; private set; }

    [BindProperty]
    public ImportMode Mode { get; set; }

    /// <summary>A preview can be committed while its file is still kept.</summary>
    public bool CanCommit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Mode = Record.Mode;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanCommit)
        {
            return RedirectToPage(new { id });
        }

        var commit = await imports.RecordAsync(Record.Kind, Record.StoredFile!, Record.FileName, Mode, dryRun: false,
            Record.Source, User.Identity?.Name, ct, Mapping);
        await imports.EnqueueAsync(commit, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, ct);
        return RedirectToPage("Progress", new { id = commit.Id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var importId) || await imports.FindAsync(importId, ct) is not { } record)
        {
            return false;
        }

        Record = record;
        Report = record.Report;
        Mapping = await imports.MappingOfAsync(record, ct);
        CanCommit = record.Status == ImportStatus.Previewed && await imports.HasFileAsync(record, ct);
        return true;
    }
}
