using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Web.Ingestion;

namespace KnowledgeKaizen.Web.Pages.Feedback;

/// <summary>Staff record a customer's complaint, praise or suggestion as it arrives.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class RecordFeedbackModel(FrontlineRecorder recorder, CrmLookup lookup, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public sealed class InputModel
    {
        public FeedbackChannel Channel { get; set; } = FeedbackChannel.Phone;

        public FeedbackType Type { get; set; } = FeedbackType.Complaint;

        [Required(ErrorMessage = "Enter what the customer said.")]
        [StringLength(100_000)]
        public string Text { get; set; } = string.Empty;

        [Range(1, 5, ErrorMessage = "A score is 1 to 5.")]
        public int? Score { get; set; }

        /// <summary>The customer picked in the look-up (its CRM id); empty when the name was typed without picking.</summary>
        [StringLength(64)]
        public string? CustomerId { get; set; }

        [StringLength(200)]
        public string? CustomerName { get; set; }

        [StringLength(100)]
        public string? Category { get; set; }

        [StringLength(100_000)]
        public string? HandlingRecord { get; set; }

        public bool Resolved { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await lookup.FeedbackCategoriesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Categories = await lookup.FeedbackCategoriesAsync(ct);
        Input.CustomerId = await ModelState.PickedCustomerAsync(lookup, Input.CustomerId, Input.CustomerName, l, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await recorder.RecordFeedbackAsync(new FeedbackInput(Input.Channel, Input.Type, Input.Text, Input.Score, Input.CustomerId,
            null, Input.Category, null, Input.HandlingRecord, Input.Resolved ? clock.GetUtcNow().UtcDateTime : null), User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (!ModelState.Accepted(result, l))
        {
            return Page();
        }

        TempData["Notice"] = l["Thank you: the feedback was recorded."].Value;
        return RedirectToPage();
    }
}
