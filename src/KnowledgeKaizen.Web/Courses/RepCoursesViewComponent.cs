namespace KnowledgeKaizen.Web.Courses;

/// <summary>"Courses for this stage: passed x of y" beside a rep's stage findings.</summary>
public sealed class RepCoursesViewComponent(LearningService learning) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long repId)
    {
        var (userId, stages) = await learning.StageCompletionForRepAsync(repId, HttpContext.RequestAborted);
        return View("/Pages/Courses/_RepCourses.cshtml", (userId, stages));
    }
}
