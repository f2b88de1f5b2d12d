using System.ComponentModel.DataAnnotations;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>Upload a file: it is stored and dry-run in the background, then previewed before any commit.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UploadModel(ImportService imports, IOptions<KaizenOptions> options, DisplayNames names, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int MaxMegabytes => options.Value.MaxUploadMegabytes;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose what the file contains.")]
        public string Kind { get; set; } = "stage-history";

        public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

        [Required(ErrorMessage = "Choose a file.")]
        public IFormFile? File { get; set; }
    }

    public void OnGet(string? kind)
    {
        if (ImportKinds.TryParse(kind, out var k))
        {
            Input.Kind = k.Slug();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var maxBytes = MaxMegabytes * 1024L * 1024L;
        if (!ImportKinds.TryParse(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", l["Choose what the file contains."]);
        }

        if (Input.File is { Length: 0 })
        {
            ModelState.AddModelError("Input.File", l["The file is empty."]);
        }

        if (Input.File?.Length > maxBytes)
        {
            ModelState.AddModelError("Input.File", l["The file is larger than the limit of {0} MB.", MaxMegabytes]);
        }

        if (ModelState.IsValid && ImportKinds.FormatOf(Input.File!.FileName) == ImportFormat.Csv)
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
            var record = await imports.ReceiveAsync(content, Input.File.FileName, kind, Input.Mode, dryRun: true, ImportSource.Upload,
                User.Identity?.Name, maxBytes, ct);
            await imports.EnqueueAsync(record, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, ct);
            return RedirectToPage("Progress", new { id = record.Id });
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
