using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Web.Improvement;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>Problem collection: complaint clusters with counts and trend, turned into cycles or solution articles; new vs known.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class ProblemsModel(ImprovementDesk desk, IStringLocalizer<SharedResource> l) : ImprovementPageModel(l)
{
    public IReadOnlyList<ProblemCluster> Clusters { get; private set; } = [];

    public BackgroundJob? Job { get; private set; }

    public NewVsKnown Cases { get; private set; } = new(0, 0, 0, 0);

    public DateTime From { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Clusters = await desk.Problems.LatestAsync(ct);
        Job = await desk.Problems.LatestClusteringJobAsync(ct);
        From = desk.Today.AddMonths(-12);
        Cases = await desk.Problems.NewVsKnownAsync(From, desk.Today.AddDays(1), ct);
    }

    public Task<IActionResult> OnPostRunAsync(CancellationToken ct) =>
        CommandAsync(() => desk.Problems.QueueClusteringAsync(User.ToActor().UserId, ct), () => RedirectToPage(), "Clustering started.");

    public async Task<IActionResult> OnPostSolutionAsync(long clusterId, CancellationToken ct)
    {
        int? id = null;
        var back = await CommandAsync(async () => id = await desk.Problems.TurnIntoSolutionAsync(clusterId, User.ToActor(), ct), () => RedirectToPage(),
            "A solution article draft was started.");
        return id is { } documentId ? RedirectToPage("/Knowledge/Edit", new { id = documentId }) : back;
    }
}
