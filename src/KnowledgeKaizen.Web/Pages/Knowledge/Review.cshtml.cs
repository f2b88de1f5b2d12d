namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>The KnowledgeManagers' queue: documents submitted for review, oldest first.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class ReviewModel(KnowledgeReader reader) : PageModel
{
    public IReadOnlyList<DocumentSummary> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Queue = await reader.ReviewQueueAsync(ct);
}
