namespace KnowledgeKaizen.Web.Pages.Account;

/// <summary>
/// Signs out on the server, not only in this browser: a new security stamp makes the old cookie (and any copy of it,
/// on this or another device) worthless from the next request on.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
