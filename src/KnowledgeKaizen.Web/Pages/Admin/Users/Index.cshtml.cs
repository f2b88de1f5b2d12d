namespace KnowledgeKaizen.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(UserAdministration admin, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked)
    {
        var result = await admin.SetLockedAsync(id, locked, users.GetUserId(User)!);
        TempData["Notice"] = result.Succeeded
            ? (locked ? l["Account locked."] : l["Account unlocked."]).Value
            : string.Join(" ", result.Errors.Select(e => l[e.Description].Value));
        return RedirectToPage();
    }
}
