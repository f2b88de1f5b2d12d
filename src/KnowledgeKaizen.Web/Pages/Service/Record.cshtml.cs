using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Web.Ingestion;

namespace KnowledgeKaizen.Web.Pages.Service;

/// <summary>Staff open a service case or record its first response and resolution as it happens.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class RecordServiceCaseModel(FrontlineRecorder recorder, CrmLookup lookup, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(long Id, string Subject, bool Resolved)> Cases { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>Empty: a new case.</summary>
        public long? CaseId { get; set; }

        /// <summary>The customer picked in the look-up (its CRM id); empty when the name was typed without picking.</summary>
        [StringLength(64)]
        public string? CustomerId { get; set; }

        [StringLength(200)]
        public string? CustomerName { get; set; }

        /// <summary>Empty: the signed-in user's own rep.</summary>
        [StringLength(64)]
        public string? AgentId { get; set; }

        [StringLength(200)]
        public string? AgentName { get; set; }

        public CaseChannel Channel { get; set; } = CaseChannel.Phone;

        public CasePriority Priority { get; set; } = CasePriority.Normal;

        [StringLength(100)]
        public string? Category { get; set; }

        [StringLength(500)]
        public string? Subject { get; set; }

        [StringLength(100_000)]
        public string? Description { get; set; }

        public bool Responded { get; set; }

        [StringLength(100_000)]
        public string? Resolution { get; set; }

        [Range(1, 5, ErrorMessage = "A score is 1 to 5.")]
        public int? Satisfaction { get; set; }
    }

    public async Task OnGetAsync(long? caseId, CancellationToken ct)
    {
        Input.CaseId = caseId;
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Input.CaseId is null)
        {
            Input.CustomerId = await ModelState.PickedCustomerAsync(lookup, Input.CustomerId, Input.CustomerName, l, ct);
            Input.AgentId = await ModelState.PickedAsync(Input.AgentId, Input.AgentName, lookup.ResolveAgentAsync, "Input.AgentName",
                l["Choose the agent from the list, or leave it empty for yourself."], ct);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = Input.CaseId is null;
        var result = await recorder.RecordCaseAsync(new CaseInput(Input.CaseId, Input.CustomerId, Input.AgentId,
            isNew ? Input.Channel : null, Input.Category, isNew ? Input.Priority : null, Input.Subject, Input.Description, null,
            Input.Responded ? now : null, string.IsNullOrWhiteSpace(Input.Resolution) ? null : now, Input.Resolution, Input.Satisfaction),
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (!ModelState.Accepted(result, l))
        {
            return Page();
        }

        TempData["Notice"] = l["The service case was saved."].Value;
        return RedirectToPage(new { caseId = result.Id });
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Cases = await recorder.RecentCasesAsync(50, ct);
        Categories = await lookup.CaseCategoriesAsync(ct);
    }
}
