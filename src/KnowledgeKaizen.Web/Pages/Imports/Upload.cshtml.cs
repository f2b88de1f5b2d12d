using KnowledgeKaizen.Web.Ingestion;

namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>
/// Upload a file: in the portal's columns it is stored and checked in the background, then previewed before any commit;
/// in another layout (a CRM's export) it goes to the mapping page first, with the preset or saved mapping its header
/// matches, or a proposed one.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UploadModel(MappingPages pages, IOptions<KaizenOptions> options, DisplayNames names, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int MaxMegabytes => options.Value.MaxUploadMegabytes;

    public IReadOnlyList<ImportMapping> Mappings { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose what the file contains.")]
        public string Kind { get; set; } = "stage-history";

        /// <summary>Empty: tell from the header; "portal": the portal's columns; otherwise a mapping's name.</summary>
        public string? Layout { get; set; } = MappingPages.Detect;

        public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

        [Required(ErrorMessage = "Choose a file.")]
        public IFormFile? File { get; set; }
    }

    public async Task OnGetAsync(string? kind, string? mapping, CancellationToken ct)
    {
        Mappings = await pages.MappingsAsync(ct);
        if (mapping is not null && Mappings.FirstOrDefault(m => m.Name.Equals(mapping, StringComparison.OrdinalIgnoreCase)) is { } chosen)
        {
            Input.Layout = chosen.Name;
            Input.Kind = chosen.Kind;
        }
        else if (ImportKinds.TryParse(kind, out var k))
        {
            Input.Kind = k.Slug();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Mappings = await pages.MappingsAsync(ct);
        var maxBytes = MaxMegabytes * 1024L * 1024L;
        if (!ImportKinds.TryParse(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", l["Choose what the file contains."]);
        }

        var layout = Input.Layout ?? MappingPages.Detect;
        if (layout is not (MappingPages.Detect or MappingPages.PortalLayout) && Mappings.FirstOrDefault(m => m.Name == layout) is { } chosen
            && chosen.ImportKind != kind)
        {
            ModelState.AddModelError("Input.Layout", l["The mapping {0} imports {1}, not {2}.", chosen.Name, chosen.Kind, Input.Kind]);
        }

        if (Input.File is { Length: 0 })
        {
            ModelState.AddModelError("Input.File", l["The file is empty."]);
        }

        if (Input.File?.Length > maxBytes)
        {
            ModelState.AddModelError("Input.File", l["The file is larger than the limit of {0} MB.", MaxMegabytes]);
        }

        if (ModelState.IsValid && layout is (MappingPages.Detect or MappingPages.PortalLayout) && ImportKinds.FormatOf(Input.File!.FileName) == ImportFormat.Csv)
        {
            // A file whose header row belongs to another kind is caught here, with the kind it looks like chosen for the retry.
            var header = await FirstLineAsync(Input.File);
            if (!kind.Fits(header) && ImportKinds.Detect(header) is { } likely)
            {
                // The form shows the kind it looks like (the model's value, not the one posted).
                ModelState.Remove("Input.Kind");
                ModelState.AddModelError(string.Empty, l["The header row looks like {0}, not {1}. {0} is now chosen: upload the file again, or check it.",
                    names.ImportKindName(likely), names.ImportKindName(kind)]);
                Input.Kind = likely.Slug();
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await using var content = Input.File!.OpenReadStream();
            var outcome = await pages.ReceiveAsync(content, Input.File.FileName, kind, layout, Input.Mode, User.Identity?.Name,
                User.FindFirstValue(ClaimTypes.NameIdentifier), maxBytes, ct);
            return outcome.Record is { } record
                ? RedirectToPage("Progress", new { id = record.Id })
                : RedirectToPage("Map", new
                {
                    upload = outcome.Pending!.Upload, name = outcome.Pending.FileName, kind = kind.Slug(), mapping = outcome.Mapping,
                    detected = outcome.Detected, mode = Input.Mode,
                });
        }
        catch (FileTooLargeException)
        {
            ModelState.AddModelError("Input.File", l["The file is larger than the limit of {0} MB.", MaxMegabytes]);
            return Page();
        }
    }

    /// <summary>The header row (at most 64 KB of it), so a wrong kind is caught before the file is stored.</summary>
    private static async Task<string?> FirstLineAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[64 * 1024];
        var read = await reader.ReadBlockAsync(buffer);
        var text = new string(buffer, 0, read);
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
