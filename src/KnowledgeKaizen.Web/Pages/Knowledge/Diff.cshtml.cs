namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>Side-by-side line diff of two revisions (default: the previous and the latest).</summary>
[Authorize(Policy = Policies.Contributor)]
public sealed class DiffModel(KnowledgeService knowledge, IStringLocalizer<SharedResource> l) : KnowledgePageModel(l)
{
    public KnowledgeDocument Document { get; private set; } = null!;

    public RevisionComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        var document = await knowledge.FindAsync(id, Actor, ct);
        if (document is null || !document.CanEdit(Actor))
        {
            return NotFound();
        }

        var newer = document.Revision(to ?? document.CurrentRevisionNumber);
        var older = document.Revision(from ?? Math.Max(1, (newer?.Number ?? 1) - 1));
        if (newer is null || older is null)
        {
            return NotFound();
        }

        Document = document;
        Comparison = RevisionDiff.Compare(older, newer);
        return Page();
    }
}
