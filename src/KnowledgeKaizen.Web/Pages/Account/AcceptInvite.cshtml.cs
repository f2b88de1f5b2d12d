using System.ComponentModel.DataAnnotations;
using KnowledgeKaizen.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeKaizen.Web.Pages.Account;

/// <summary>An invited user chooses their password through the one-time link an Admin passed on.</summary>
[AllowAnonymous]
[KnowledgeKaizen.Web.Hosting.RateLimited(KnowledgeKaizen.Web.Hosting.RateLimited.InviteAcceptance)]
public sealed class AcceptInviteModel(UserAdministration admin, IStringLocalizer<SharedResource> l) : PageModel
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await admin.AcceptInviteAsync(UserId, Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        TempData["Notice"] = l["Your password is set. Sign in with your email."].Value;
        return RedirectToPage("/Account/Login");
    }
}
