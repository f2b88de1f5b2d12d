using KnowledgeKaizen.Web.Courses;

namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>Completion and scores per learner, wrong answers per question; trainers assign the course here.</summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class ProgressModel(LearningService learning, IStringLocalizer<SharedResource> l) : CoursePageModel(l)
{
    public CourseProgress Report { get; private set; } = null!;

    [BindProperty]
    public string? LearnerEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await learning.ProgressAsync(id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct) =>
        RunAsync(() => learning.AssignAsync(id, LearnerEmail ?? string.Empty, UserId, ct), "Course assigned.", () => RedirectToPage(new { id }));
}
