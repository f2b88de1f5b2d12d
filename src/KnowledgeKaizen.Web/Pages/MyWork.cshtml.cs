using KnowledgeKaizen.Core.Overview;

namespace KnowledgeKaizen.Web.Pages;

/// <summary>My work: the user's documents by state, their flags and votes, courses and capture requests.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class MyWorkModel(WorkOverview overview) : PageModel
{
    public MyWorkOverview Work { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Work = await overview.MyWorkAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, ct);
}
