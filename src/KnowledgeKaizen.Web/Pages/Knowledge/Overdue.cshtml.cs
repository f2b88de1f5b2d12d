namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>Published documents past their verify-by date.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class OverdueModel(KnowledgeReader reader) : PageModel
{
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Documents = await reader.OverdueAsync(ct);
}
