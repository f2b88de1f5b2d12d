using KnowledgeKaizen.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeKaizen.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(UserAdministration admin, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
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

        TempData["Notice"] = l["Roles saved."].Value;
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
        InviteLink = Url.Page("/Account/AcceptInvite", null, new { userId = id, token }, Request.Scheme);
        return Page();
    }
}
