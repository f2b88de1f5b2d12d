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

    /// <summary>
    /// How a preview can be committed while its file is still kept: both modes when every row passed; only the valid rows
    /// when some failed (all or nothing would write nothing); not at all when the file could not be read or no row passed.
    /// </summary>
    public IReadOnlyList<ImportMode> CommitModes { get; private set; } = [];

    public bool CanCommit => CommitModes.Count > 0;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Mode = CommitModes.Contains(Record.Mode) ? Record.Mode : CommitModes.FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CommitModes.Contains(Mode))
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
        var valid = record.Rows - record.Rejected;
        CommitModes = record.Status != ImportStatus.Previewed || Report is null || Report.HasFileProblem || valid <= 0 || !await imports.HasFileAsync(record, ct)
            ? []
            : Report.TotalProblems > 0 ? [ImportMode.ValidRowsOnly] : [ImportMode.AllOrNothing, ImportMode.ValidRowsOnly];
        return true;
    }
}
