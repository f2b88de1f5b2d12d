namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>Import history: who imported which file when, with what outcome.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(ImportService imports) : PageModel
{
    public IReadOnlyList<ImportRecord> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => History = await imports.HistoryAsync(200, ct);
}
