namespace KnowledgeKaizen.Web.Pages.Account;

/// <summary>
/// An invited user chooses their password through the one-time link an Admin passed on, and is signed in. A link
/// that was used (or replaced by a newer one) says so before asking for anything.
/// </summary>
[AllowAnonymous]
[KnowledgeKaizen.Web.Hosting.RateLimited(KnowledgeKaizen.Web.Hosting.RateLimited.InviteAcceptance)]
public sealed class AcceptInviteModel(UserAdministration admin, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Repeat the password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    /// <summary>False for a link that was used, replaced or never valid.</summary>
    public bool Usable { get; private set; } = true;

    public async Task OnGetAsync() => Usable = await admin.IsInviteUsableAsync(UserId, Token);

    public async Task<IActionResult> OnPostAsync()
    {
        Usable = await admin.IsInviteUsableAsync(UserId, Token);
        if (!Usable || !ModelState.IsValid)
        {
            return Page();
        }

        var (result, user) = await admin.AcceptInviteAsync(UserId, Token, Input.Password);
        if (user is null)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Notice"] = l["Welcome, {0}. Your password is set and you are signed in.", user.Name].Value;
        return LocalRedirect("/");
    }
}
