namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>Every revision of a document; pick two to compare, or restore one as a new revision.</summary>
[Authorize(Policy = Policies.Contributor)]
public sealed class HistoryModel(KnowledgeService knowledge, IStringLocalizer<SharedResource> l) : KnowledgePageModel(l)
{
    public KnowledgeDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var document = await knowledge.FindAsync(id, Actor, ct);
        if (document is null || !document.CanEdit(Actor))
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }

    public Task<IActionResult> OnPostRestoreAsync(int id, int revision) =>
        RunAsync(() => knowledge.RestoreAsync(id, revision, Actor), "Restored as a new revision.", () => RedirectToPage("History", new { id }));
}
