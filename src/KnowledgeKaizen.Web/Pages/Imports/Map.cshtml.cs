using KnowledgeKaizen.Web.Ingestion;

namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>
/// Map a file in another layout before it is checked: the portal's columns against the file's, value maps, time zone,
/// companion files and the JSON itself; the first rows as they will be imported; save the mapping under a name; check
/// the whole file with it (which leads to the usual preview and commit).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MapModel(MappingPages pages, IOptions<KaizenOptions> options, IStringLocalizer<SharedResource> l, DisplayNames names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Upload { get; set; }

    /// <summary>The name the file had.</summary>
    [BindProperty(SupportsGet = true, Name = "name")]
    public string? FileName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The mapping to start from when the page opens (a preset or saved one).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Mapping { get; set; }

    /// <summary>Whether <see cref="Mapping"/> was recognised from the header.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Detected { get; set; }

    [BindProperty(SupportsGet = true)]
    public ImportMode Mode { get; set; }

    /// <summary>The mapping as it was shown; the edits below apply to it.</summary>
    [BindProperty]
    public string? MappingJson { get; set; }

    [BindProperty]
    public List<FieldChoice> Fields { get; set; } = [];

    [BindProperty]
    public List<ValueChoice> Values { get; set; } = [];

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public string? SaveAs { get; set; }

    /// <summary>The mapping as JSON, for the parts the form does not show (filters, lookups, derivation).</summary>
    [BindProperty]
    public string? Json { get; set; }

    /// <summary>Companion files sent earlier on this page (kept in the file store).</summary>
    [BindProperty]
    public List<StoredCompanion> Companions { get; set; } = [];

    public MappingView View { get; private set; } = null!;

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await pages.FindAsync(Upload, FileName, Kind, ct) is not { } pending)
        {
            return NotFound();
        }

        View = await pages.ViewAsync(pending, null, Mapping, [], ct);
        return Page();
    }

    /// <summary>Starts again from another preset or saved mapping.</summary>
    public Task<IActionResult> OnPostUseAsync(CancellationToken ct) => RenderAsync(null, ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => await RenderAsync(Edited(), ct);

    public async Task<IActionResult> OnPostApplyJsonAsync(CancellationToken ct)
    {
        var mapping = MappingPages.Parse(Json, out var problem);
        if (mapping is null)
        {
            ModelState.AddModelError(nameof(Json), l["The JSON is not a mapping: {0}", problem is null ? l["it is empty."] : names.ImportMessage(problem)]);
            return await RenderAsync(Edited(), ct);
        }

        return await RenderAsync(mapping, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var mapping = Edited();
        if (mapping is not null && !string.IsNullOrWhiteSpace(SaveAs))
        {
            mapping = mapping with { Name = SaveAs.Trim(), Title = mapping.Title is not null && MappingLibrary.IsPreset(mapping.Name) ? null : mapping.Title };
            var errors = await pages.SaveAsync(mapping, User.Identity?.Name, ct);
            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(SaveAs), names.ImportMessage(error));
            }

            Saved = errors.Count == 0 ? mapping.Name : null;
        }
        else
        {
            ModelState.AddModelError(nameof(SaveAs), l["Name the mapping to save it."]);
        }

        return await RenderAsync(mapping, ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var mapping = Edited();
        if (await pages.FindAsync(Upload, FileName, Kind, ct) is not { } pending || mapping is null)
        {
            return NotFound();
        }

        await KeepCompanionsAsync(ct);
        if (MappingValidation.Validate(mapping) is { Count: > 0 } problems || mapping.ImportKind != pending.Kind)
        {
            ModelState.AddModelError(string.Empty, l["The mapping cannot be used yet; see its problems below."]);
            return await RenderAsync(mapping, ct);
        }

        var record = await pages.CheckAsync(pending, mapping, Companions, Mode, User.Identity?.Name, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return RedirectToPage("Progress", new { id = record.Id });
    }

    private ImportMapping? Edited()
    {
        var shown = MappingPages.Parse(MappingJson, out _);
        return shown is null ? null : MappingPages.Apply(shown, Fields, Values, TimeZone);
    }

    private async Task<IActionResult> RenderAsync(ImportMapping? mapping, CancellationToken ct)
    {
        if (await pages.FindAsync(Upload, FileName, Kind, ct) is not { } pending)
        {
            return NotFound();
        }

        await KeepCompanionsAsync(ct);
        ModelState.Remove(nameof(MappingJson));
        ModelState.Remove(nameof(Json));
        View = await pages.ViewAsync(pending, mapping, mapping is null ? Mapping : null, Companions, ct);
        return Page();
    }

    /// <summary>Companion files sent with this post (field "companion-{name}") join the ones kept from earlier posts.</summary>
    private async Task KeepCompanionsAsync(CancellationToken ct)
    {
        var maxBytes = options.Value.UploadLimitBytes;
        foreach (var file in Request.HasFormContentType ? Request.Form.Files : Enumerable.Empty<IFormFile>())
        {
            if (!file.Name.StartsWith("companion-", StringComparison.Ordinal) || file.Length == 0 || file.Length > maxBytes)
            {
                continue;
            }

            var name = file.Name["companion-".Length..];
            await using var content = file.OpenReadStream();
            var stored = await pages.StoreCompanionAsync(name, content, file.FileName, maxBytes, ct);
            Companions.RemoveAll(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            Companions.Add(stored);
        }

        Companions.RemoveAll(c => !MappingPages.IsStoredImport(c.StoredFile));
    }
}
