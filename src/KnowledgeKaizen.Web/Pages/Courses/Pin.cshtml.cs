using KnowledgeKaizen.Web.Courses;

namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>A pinned revision against the newest published one: the trainer updates the pin or keeps it.</summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class PinModel(CourseService courses, IStringLocalizer<SharedResource> l) : CoursePageModel(l)
{
    public ModuleContent Module { get; private set; } = null!;

    public RevisionComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int moduleId, CancellationToken ct)
    {
        if (await courses.PinReviewAsync(id, moduleId, ct) is not { } review)
        {
            return NotFound();
        }

        (Module, Comparison) = review;
        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(int id, int moduleId, CancellationToken ct) =>
        RunAsync(() => courses.UpdatePinAsync(id, moduleId, ct), "The module now uses the newest revision.", () => RedirectToPage("Edit", new { id }));

    public Task<IActionResult> OnPostKeepAsync(int id, int moduleId, CancellationToken ct) =>
        RunAsync(() => courses.KeepPinAsync(id, moduleId, ct), "The module keeps its pinned revision.", () => RedirectToPage("Edit", new { id }));
}
