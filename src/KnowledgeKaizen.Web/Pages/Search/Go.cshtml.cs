using System.Globalization;
using System.Security.Claims;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Core.Search;
using KnowledgeKaizen.Web.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        if (string.IsNullOrWhiteSpace(type) || string.IsNullOrWhiteSpace(key) || Target(type, key) is not { } target)
        {
            return NotFound();
        }

        if (qid is { } queryId && pos is { } position && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await analytics.RecordClickAsync(queryId, position, type, key, userId, ct);
        }

        return LocalRedirect(target);
    }

    private static string? Target(string type, string key)
    {
        if (DocumentKinds.Parse(type) is { } kind && kind.Code() == type)
        {
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? $"/Knowledge/Details/{id}" : null;
        }

        return type is SearchDocumentSource.CaseType or SearchDocumentSource.FeedbackType ? SearchDocumentSource.RecordUrl(type, key) : null;
    }
}
