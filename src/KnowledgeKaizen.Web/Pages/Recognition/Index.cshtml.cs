using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Web.Pages.Recognition;

/// <summary>Contributors credited for reuse, helpful votes and the measured impact of their playbooks; kudos.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(RecognitionService recognition, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ContributorCredit> Contributors { get; private set; } = [];

    [BindProperty]
    public KudosInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public string? Me => User.ToActor().UserId;

    public async Task OnGetAsync(CancellationToken ct) => Contributors = await recognition.ContributorsAsync(ct);

    public async Task<IActionResult> OnPostKudosAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Problem = l["Write a short message."];
            return RedirectToPage();
        }

        var actor = User.ToActor();
        try
        {
            await recognition.GiveAsync(actor.UserId!, actor.Name, Input.ToUserId ?? string.Empty, Input.Message ?? string.Empty, ct);
            Message = l["Kudos sent."];
        }
        catch (ImprovementRuleException rule)
        {
            Problem = l[rule.Message, [.. rule.Arguments]];
        }

        return RedirectToPage();
    }

    public sealed class KudosInput
    {
        [Required(ErrorMessage = "Choose a contributor.")]
        public string? ToUserId { get; set; }

        [Required(ErrorMessage = "Write a short message.")]
        [StringLength(Kudos.MaxMessageLength, ErrorMessage = "The message is too long.")]
        public string? Message { get; set; }
    }
}
