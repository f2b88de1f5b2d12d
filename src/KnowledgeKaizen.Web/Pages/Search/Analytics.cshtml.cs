using KnowledgeKaizen.Core.Analytics;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>What people search for: top queries, content gaps (with "start a playbook draft"), unopened results, click-through by position.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class AnalyticsModel(SearchAnalytics analytics) : PageModel
{
    public static readonly int[] Periods = [7, 30, 90, 365];

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    public SearchAnalyticsReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Days = Periods.Contains(Days) ? Days : 30;
        Report = await analytics.ReportAsync(Days, ct: ct);
    }

    /// <summary>One click from a content gap to a playbook draft titled after the query, opened in the editor.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string? query, CancellationToken ct)
    {
        try
        {
            var id = await analytics.StartDraftFromGapAsync(query ?? string.Empty, User.ToActor(), ct);
            return RedirectToPage("/Knowledge/Edit", new { id });
        }
        catch (KnowledgeRuleException)
        {
            return RedirectToPage(new { Days });
        }
    }
}
