using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Web.Pages.Admin;

/// <summary>The e-mail outbox for Admins: the mail settings in force, what waits, what was sent, what failed and why.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MailModel(MailQueue queue, IOptions<MailOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public MailOptions Settings => options.Value;

    public IReadOnlyDictionary<OutgoingMailStatus, int> Counts { get; private set; } = new Dictionary<OutgoingMailStatus, int>();

    public IReadOnlyList<OutgoingMail> Mails { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await queue.CountsAsync(ct);
        Mails = await queue.LatestAsync(ct: ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        TempData["Notice"] = await queue.RetryAsync(id, ct) ? l["The mail goes out at the next round."].Value : l["This mail was already sent."].Value;
        return RedirectToPage();
    }
}
