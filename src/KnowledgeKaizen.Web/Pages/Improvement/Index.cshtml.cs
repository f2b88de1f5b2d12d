using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Web.Improvement;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>The board: one column per phase, a card per cycle, moved with buttons.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class IndexModel(ImprovementDesk desk, IStringLocalizer<SharedResource> l) : ImprovementPageModel(l)
{
    public IReadOnlyList<ImprovementCycle> Cycles { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Cycles = await desk.BoardAsync(string.IsNullOrWhiteSpace(Team) ? null : Team, ct);

    public Task<IActionResult> OnPostMoveAsync(int id, CyclePhase phase, CancellationToken ct) =>
        CommandAsync(() => desk.MoveAsync(id, phase, ct), () => RedirectToPage(new { Team }), "The cycle moved.");
}
