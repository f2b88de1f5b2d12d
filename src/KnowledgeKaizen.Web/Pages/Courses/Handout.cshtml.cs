using KnowledgeKaizen.Web.Courses;
using KnowledgeKaizen.Web.Courses.Scorm;

namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>
/// The printable handout (table of contents, every module at its pinned revision, notes and questions; A4
/// print CSS) and the downloads: Markdown bundle and SCORM 1.2 package. An empty course is refused.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class HandoutModel(CourseService courses, MarkdownHtml markdown, IStringLocalizer<SharedResource> l) : CoursePageModel(l)
{
    public CourseContent Material { get; private set; } = null!;

    /// <summary>The course's Markdown as HTML; a module that cannot be shown becomes a notice, not a broken handout.</summary>
    public MarkdownHtml Markdown => markdown;

    /// <summary>A module's pinned text under its own heading (an opening H1 repeating the title is left out).</summary>
    public string Html(ModuleContent module) => markdown.Revision(module.Pinned);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await courses.ContentAsync(id, ct) is not { } content)
        {
            return NotFound();
        }

        Material = content;
        return Page();
    }

    public Task<IActionResult> OnGetMarkdownAsync(int id, [FromServices] MarkdownBundleBuilder bundle, [FromServices] AuditLog audit, CancellationToken ct) =>
        ExportAsync(id, bundle.BuildAsync, audit, ct);

    public Task<IActionResult> OnGetScormAsync(int id, [FromServices] ScormPackageBuilder scorm, [FromServices] AuditLog audit, CancellationToken ct) =>
        ExportAsync(id, scorm.BuildAsync, audit, ct);

    private async Task<IActionResult> ExportAsync(int id, Func<CourseContent, CancellationToken, Task<CourseExport>> build, AuditLog audit, CancellationToken ct)
    {
        if (await courses.ContentAsync(id, ct) is not { } content)
        {
            return NotFound();
        }

        try
        {
            var export = await build(content, ct);
            await audit.RecordAsync(new DataExported($"{export.FileName} (course #{id})"), ct);
            return File(export.Zip, "application/zip", export.FileName);
        }
        catch (CourseRuleException ex)
        {
            TempData[ErrorKey] = Localise(ex);
            return RedirectToPage(new { id });
        }
    }
}
