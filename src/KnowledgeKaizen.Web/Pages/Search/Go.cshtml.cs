using KnowledgeKaizen.Core.Analytics;
using KnowledgeKaizen.Search.Indexing;

namespace KnowledgeKaizen.Web.Pages.Search;

/// <summary>
/// A result link: logs the click against the search it came from, then opens the document. The target is
/// rebuilt from (type, key), never taken from the URL, so this cannot be used as an open redirect.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class GoModel(SearchAnalytics analytics) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long? qid, int? pos, string? type, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(type) || string.IsNullOrWhiteSpace(key) || SearchDocumentUrls.Of(type, key) is not { } target
            || HostingModule.SafeLocalUrl(target) != target)
        {
            return NotFound();
        }

        if (qid is { } queryId && pos is { } position && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await analytics.RecordClickAsync(queryId, position, type, key, userId, ct);
        }

        return LocalRedirect(target);
    }
}
