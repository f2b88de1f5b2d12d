namespace KnowledgeKaizen.Web.Pages.Tasks;

/// <summary>The signed-in user's tasks and notifications; opening one marks it read.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(UserTaskService tasks, CaptureRequestService captures, DisplayNames names) : PageModel
{
    public IReadOnlyList<UserTask> Tasks { get; private set; } = [];

    /// <summary>Each task's title in the reader's language (a stored title was written in the sender's).</summary>
    public IReadOnlyDictionary<long, string> Titles { get; private set; } = new Dictionary<long, string>();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tasks = await tasks.ListAsync(UserId, ct: ct);
        var stages = await captures.StagesOfTasksAsync(Tasks, ct);
        Titles = Tasks.ToDictionary(t => t.Id, t => names.TaskTitle(t.Kind, stages.GetValueOrDefault(t.Id), t.Title));
    }

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct) =>
        await tasks.OpenAsync(id, UserId, ct) is { } link ? LocalRedirect(link) : NotFound();
}
