using KnowledgeKaizen.Web.Courses;

namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>Published courses and the learner's own; trainers also see drafts and start new courses.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(CourseService courses, LearningService learning, IStringLocalizer<SharedResource> l) : CoursePageModel(l)
{
    public IReadOnlyList<CourseSummary> Courses { get; private set; } = [];

    public IReadOnlyList<(Enrollment Enrollment, string Title, int Modules)> Mine { get; private set; } = [];

    [BindProperty]
    public CourseInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Courses = await courses.ListAsync(IsTrainer, ct);
        Mine = await learning.MyCoursesAsync(UserId, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!IsTrainer)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }

        var id = 0;
        return await RunAsync(async () => id = (await courses.CreateAsync(Input.Title, Input.Objectives, Input.AudienceRole, Input.AudienceStage, UserId, ct)).Id,
            "Course created.", () => id == 0 ? RedirectToPage() : RedirectToPage("Edit", new { id }));
    }
}
