using KnowledgeKaizen.Core.Knowledge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>The list page shared by playbooks, procedures and solutions: filters in the query string.</summary>
public abstract class DocumentIndexModel(KnowledgeReader reader) : PageModel
{
    public abstract DocumentKind Kind { get; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        Documents = await reader.ListAsync(new DocumentFilter(Kind, Stage, Tag, Status, Language, Mine), actor, ct);
        Tags = await reader.TagsAsync(Kind, actor, ct);
    }
}
