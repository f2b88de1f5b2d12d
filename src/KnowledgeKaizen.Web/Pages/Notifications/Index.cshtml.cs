using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications (opening one marks it read) and how they want them by e-mail.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(NotificationInbox inbox, IOptions<MailOptions> mail, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    public MailFrequency Frequency { get; private set; }

    /// <summary>Whether the portal sends e-mail at all (an Admin configured a mail server).</summary>
    public bool MailEnabled => mail.Value.Enabled;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notifications = await inbox.ListAsync(UserId, ct: ct);
        Frequency = await inbox.MailFrequencyAsync(UserId, ct) ?? MailFrequency.Immediate;
    }

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct) =>
        await inbox.OpenAsync(id, UserId, ct) is { } link ? LocalRedirect(link) : NotFound();

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(UserId, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMailAsync(MailFrequency frequency, CancellationToken ct)
    {
        if (!await inbox.SetMailFrequencyAsync(UserId, frequency, ct))
        {
            return BadRequest();
        }

        TempData["Notice"] = l["Your e-mail choice is saved."].Value;
        return RedirectToPage();
    }
}
