using System.Security.Claims;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.PerformerDetection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeKaizen.Web.Pages.Tasks;

/// <summary>The signed-in user's tasks and notifications; opening one marks it read.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(UserTaskService tasks) : PageModel
{
    public IReadOnlyList<UserTask> Tasks { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task OnGetAsync(CancellationToken ct) => Tasks = await tasks.ListAsync(UserId, ct: ct);

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct) =>
        await tasks.OpenAsync(id, UserId, ct) is { } link ? LocalRedirect(link) : NotFound();
}
