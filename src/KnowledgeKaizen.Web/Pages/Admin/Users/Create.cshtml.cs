namespace KnowledgeKaizen.Web.Pages.Admin.Users;

/// <summary>Creates an account and shows the invite link the Admin passes on (no mail server needed).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(UserAdministration admin, PublicLinks links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? InviteLink { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the user's name.")]
        [StringLength(100)]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the user's email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = string.Empty;

        public List<string> Roles { get; set; } = [Core.Identity.Roles.Staff];
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await admin.InviteAsync(Input.Email.Trim(), Input.DisplayName, Input.Roles, User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(string.Empty, e);
            }

            return Page();
        }

        InviteLink = links.Absolute(Request, Url.Page("/Account/AcceptInvite", new { userId = result.UserId, token = result.InviteToken }));
        return Page();
    }
}
