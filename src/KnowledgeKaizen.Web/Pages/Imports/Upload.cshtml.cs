using System.ComponentModel.DataAnnotations;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>Upload a file: it is stored and dry-run in the background, then previewed before any commit.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UploadModel(ImportService imports, IOptions<KaizenOptions> options, IStringLocalizer<SharedResource> l) : PageModel
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
}
