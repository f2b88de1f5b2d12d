using KnowledgeKaizen.Core.Knowledge.Content;

namespace KnowledgeKaizen.Web.Pages.Knowledge;

/// <summary>Admins: the last content/ import report and the export of the library as a zip.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class LibraryModel(ContentImportReportStore reports, ContentExporter exporter, TimeProvider clock) : PageModel
{
    public ContentImportReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Report = await reports.LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync([FromServices] AuditLog audit, CancellationToken ct)
    {
        var zip = new MemoryStream();
        await exporter.WriteZipAsync(zip, ct);
        zip.Position = 0;
        var name = $"knowledgekaizen-content-{clock.GetUtcNow():yyyyMMdd-HHmm}.zip";
        await audit.RecordAsync(new DataExported(name), ct);
        return File(zip, "application/zip", name);
    }
}
