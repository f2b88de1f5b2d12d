namespace KnowledgeKaizen.Web.Pages.Account;

[AllowAnonymous]
[RateLimited(RateLimited.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signIn, IOptions<KaizenOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(1024, ErrorMessage = "Wrong email or password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }

    public bool RegistrationOpen => options.Value.AllowSelfRegistration;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(HostingModule.SafeLocalUrl(ReturnUrl));
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["This account is locked after too many failed sign-ins. Try again in 15 minutes or ask an Admin to unlock it."]
            : l["Wrong email or password."]);
        return Page();
    }
}
