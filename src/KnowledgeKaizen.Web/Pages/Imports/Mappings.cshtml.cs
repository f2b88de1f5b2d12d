using KnowledgeKaizen.Web.Ingestion;

namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>The mappings imports can use: the shipped presets and the ones Admins saved; a saved one can be removed.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MappingsModel(MappingPages pages) : PageModel
{
    public IReadOnlyList<ImportMapping> Mappings { get; private set; } = [];

    /// <summary>The mapping shown in full, when one is chosen.</summary>
    public ImportMapping? Shown { get; private set; }

    public bool Removed { get; private set; }

    public async Task OnGetAsync(string? name, CancellationToken ct)
    {
        Mappings = await pages.MappingsAsync(ct);
        Shown = name is null ? null : Mappings.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string name, CancellationToken ct)
    {
        Removed = await pages.RemoveAsync(name, ct);
        Mappings = await pages.MappingsAsync(ct);
        return Page();
    }
}
