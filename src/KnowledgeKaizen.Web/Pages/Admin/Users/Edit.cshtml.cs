namespace KnowledgeKaizen.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(UserAdministration admin, UserManager<AppUser> users, SignInManager<AppUser> signIn, PublicLinks links,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public UserSummary? Account { get; private set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public string? InviteLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Account = await admin.FindAsync(id);
        if (Account is null)
        {
            return NotFound();
        }

        Roles = [.. Account.Roles];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var result = await admin.SetRolesAsync(id, Roles, users.GetUserId(User)!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(string.Empty, l[e.Description]);
            }

            Account = await admin.FindAsync(id);
            return Account is null ? NotFound() : Page();
        }

        if (id == users.GetUserId(User) && await users.FindByIdAsync(id) is { } self)
        {
            // A role change ends the account's sessions; an Admin changing their own keeps this one, with the new roles.
            await signIn.RefreshSignInAsync(self);
        }

        TempData["Notice"] = l["Roles saved."].Value;
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(string id)
    {
        if (id == users.GetUserId(User))
        {
            return RedirectToPage("/Account/Logout");
        }

        var result = await admin.EndSessionsAsync(id, users.GetUserId(User)!);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = l["Every session of this account has ended; the user signs in again."].Value;
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostInviteAsync(string id)
    {
        var token = await admin.NewInviteTokenAsync(id);
        Account = await admin.FindAsync(id);
        if (token is null || Account is null)
        {
            return NotFound();
        }

        Roles = [.. Account.Roles];
        InviteLink = links.Absolute(Request, Url.Page("/Account/AcceptInvite", new { userId = id, token }));
        return Page();
    }
}
