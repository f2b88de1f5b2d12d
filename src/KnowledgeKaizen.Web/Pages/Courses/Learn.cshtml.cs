using KnowledgeKaizen.Web.Courses;

namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>
/// A learner goes through a course module by module: reads the pinned revision, answers its questions
/// (scored on the server) and the progress is saved. Trainers can preview drafts.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class LearnModel(CourseService courses, LearningService learning, MarkdownHtml markdown, IStringLocalizer<SharedResource> l) : CoursePageModel(l)
{
    public CourseContent Material { get; private set; } = null!;

    public Enrollment? Enrollment { get; private set; }

    /// <summary>Zero-based index of the module on screen.</summary>
    public int Current { get; private set; }

    public ModuleContent? Module => Material.Modules.ElementAtOrDefault(Current);

    public string ModuleHtml => Module is null ? string.Empty : markdown.Revision(Module.Pinned);

    public string ObjectivesHtml => markdown.Text(Material.Course.Objectives);

    public async Task<IActionResult> OnGetAsync(int id, int? module, CancellationToken ct)
    {
        var content = await courses.ContentAsync(id, ct);
        if (content is null || (content.Course.Status != CourseStatus.Published && !IsTrainer))
        {
            return NotFound();
        }

        Material = content;
        Enrollment = await learning.FindEnrollmentAsync(id, UserId, ct);
        Current = Math.Clamp(module ?? FirstOpenModule(), 0, Math.Max(0, content.Modules.Count - 1));
        return Page();
    }

    public Task<IActionResult> OnPostEnrollAsync(int id, CancellationToken ct) =>
        RunAsync(() => learning.EnrollAsync(id, UserId, ct), "You joined the course.", () => RedirectToPage(new { id }));

    public async Task<IActionResult> OnPostSubmitAsync(int id, int moduleId, int module, CancellationToken ct)
    {
        if (PostedAnswers() is not { } answers)
        {
            // Non-numeric question or option ids can only come from an altered form.
            TempData[ErrorKey] = L["The answers do not match this module's questions. Reload the page and answer again."].Value;
            return RedirectToPage(new { id, module });
        }

        return await RunAsync(async () =>
        {
            var result = await learning.SubmitModuleAsync(id, moduleId, UserId, answers, ct);
            TempData["ModuleScore"] = result.Answers.Count == 0 ? null : L["{0} of {1} answers correct.", result.Correct, result.Answers.Count].Value;
        }, "Module completed.", () => RedirectToPage(new { id, module }));
    }

    /// <summary>
    /// The radio buttons post "Answers[questionId]=optionIndex". Read by hand rather than model-bound: a
    /// dictionary binder falls back to every form field when none is posted (a module without questions).
    /// Null when a field is malformed; any score field the client adds is simply never read.
    /// </summary>
    private Dictionary<int, int>? PostedAnswers()
    {
        var answers = new Dictionary<int, int>();
        foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith("Answers[", StringComparison.Ordinal)))
        {
            if (!key.EndsWith(']') || value.Count != 1
                || !int.TryParse(key["Answers[".Length..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var question)
                || !int.TryParse(value[0], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var option))
            {
                return null;
            }

            answers[question] = option;
        }

        return answers;
    }

    private int FirstOpenModule()
    {
        var open = Material.Modules.Select((m, i) => (m, i)).FirstOrDefault(x => Enrollment?.HasCompleted(x.m.Module.Id) == false);
        return Enrollment is null || open.m is null ? 0 : open.i;
    }
}
