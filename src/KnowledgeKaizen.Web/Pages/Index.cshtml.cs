using KnowledgeKaizen.Core.Overview;

namespace KnowledgeKaizen.Web.Pages;

/// <summary>The home page: a large search box, then what to read and continue, and what waits for the user's roles.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(WorkOverview overview, DisplayNames names, TimeProvider clock) : PageModel
{
    public HomeOverview Overview { get; private set; } = null!;

    /// <summary>The user's open tasks, titled in the reader's language.</summary>
    public IReadOnlyList<WorkLink> Tasks => [.. Overview.Tasks.Select(t => t.Link with { Title = names.TaskTitle(t.Kind, t.Stage, t.Link.Title) })];

    /// <summary>The server's local date, as the greeting shows it.</summary>
    public DateTime Today => clock.GetLocalNow().Date;

    public async Task OnGetAsync(CancellationToken ct) =>
        Overview = await overview.HomeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            Holds(Policies.Contributor), Holds(Policies.Trainer), Holds(Policies.KnowledgeManager), ct);

    private bool Holds(string policy) => Policies.RolesFor[policy].Any(User.IsInRole);
}
