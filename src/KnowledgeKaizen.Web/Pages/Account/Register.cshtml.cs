namespace KnowledgeKaizen.Web.Pages.Account;

/// <summary>Self-registration as Staff; exists only when the AllowSelfRegistration setting opens it.</summary>
[AllowAnonymous]
public sealed class RegisterModel(UserAdministration accounts, SignInManager<AppUser> signIn, IOptions<KaizenOptions> options) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(100)]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;
    }

    public IActionResult OnGet() => options.Value.AllowSelfRegistration ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!options.Value.AllowSelfRegistration)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (created, user) = await accounts.RegisterAsync(Input.Email, Input.DisplayName, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                ModelState.AddModelError(string.Empty, e.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Index");
    }
}
