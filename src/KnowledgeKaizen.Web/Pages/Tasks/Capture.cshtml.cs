namespace KnowledgeKaizen.Web.Pages.Tasks;

/// <summary>A capture request addressed to the signed-in rep: the evidence, and Accept (opens a pre-filled playbook draft) or Decline.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class CaptureModel(CaptureRequestService captures, MarkdownHtml markdown, DisplayNames names, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public CaptureRequest Capture { get; private set; } = null!;

    public string EvidenceHtml { get; private set; } = string.Empty;

    /// <summary>Writing playbooks needs the Contributor role; without it the rep is told whom to ask.</summary>
    public bool CanWrite => User.CanContribute();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var request = await captures.FindForUserAsync(id, UserId, ct);
        if (request is null)
        {
            return NotFound();
        }

        Capture = request;
        EvidenceHtml = markdown.Text(request.EvidenceMarkdown);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var request = await captures.FindForUserAsync(id, UserId, ct);
        if (request is null)
        {
            return NotFound();
        }

        var result = await captures.AcceptAsync(id, UserId, l["My method at {0}", names.Stage(request.Stage)], chinese ? "zh" : "en", ct);
        if (!result.Succeeded)
        {
            TempData["Notice"] = l[result.Problem ?? "This capture request was already answered."].Value;
            return RedirectToPage(new { id });
        }

        return RedirectToPage("/Knowledge/Edit", new { id = result.PlaybookId });
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct)
    {
        await captures.DeclineAsync(id, UserId, ct);
        return RedirectToPage("Index");
    }
}
