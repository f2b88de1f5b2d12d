using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Web.Pages.Account;

/// <summary>
/// The link at the end of every notification e-mail: works without signing in (the token names the recipient) and
/// asks before it turns e-mail off, so a mail scanner that opens links changes nothing.
/// </summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(NotificationInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The address the link was made for; null for a link that is not valid.</summary>
    public string? Address { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Address = await inbox.UnsubscribeAddressAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Address = await inbox.UnsubscribeAddressAsync(Token, ct);
        if (Address is null)
        {
            return Page();
        }

        Done = await inbox.UnsubscribeAsync(Token, ct);
        return Page();
    }
}
