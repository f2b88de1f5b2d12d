using KnowledgeKaizen.Search.Indexing;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>A case resolution or a piece of customer feedback opened from the results (feedback only for the roles that may find it).</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class SearchRecordModel(SearchRecords records) : PageModel
{
    public SearchRecord Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string type, string key, CancellationToken ct)
    {
        if (await records.FindAsync(type, key, User, ct) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }
}
