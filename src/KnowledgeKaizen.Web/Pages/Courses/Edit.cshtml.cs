using KnowledgeKaizen.Web.Courses;

namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>
/// The course builder: description, ordered modules (move buttons work without script, drag posts the new
/// index), notes and questions per module (added, edited, removed), a searchable module picker, pin flags, publishing.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class EditModel(CourseService courses, IStringLocalizer<SharedResource> l) : CoursePageModel(l)
{
    public CourseContent Material { get; private set; } = null!;

    public IReadOnlyList<PinnableDocument> Documents { get; private set; } = [];

    [BindProperty]
    public CourseInput Input { get; set; } = new();

    [BindProperty]
    public ModuleInput Module { get; set; } = new();

    [BindProperty]
    public QuestionInput Question { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var content = await courses.ContentAsync(id, ct);
        if (content is null)
        {
            return NotFound();
        }

        Material = content;
        var used = content.Modules.Select(m => m.Module.DocumentId).ToHashSet();
        Documents = [.. (await courses.PinnableDocumentsAsync(ct)).Where(d => !used.Contains(d.Id))];
        var c = content.Course;
        Input = new CourseInput { Title = c.Title, Objectives = c.Objectives, AudienceRole = c.AudienceRole, AudienceStage = c.AudienceStage };
        return Page();
    }

    public Task<IActionResult> OnPostDescribeAsync(int id, CancellationToken ct) =>
        Run(id, () => courses.DescribeAsync(id, Input.Title, Input.Objectives, Input.AudienceRole, Input.AudienceStage, ct), "Course saved.");

    public Task<IActionResult> OnPostAddModuleAsync(int id, CancellationToken ct) =>
        Run(id, () => courses.AddModuleAsync(id, Module.DocumentId, null, Module.Notes, ct), "Module added.");

    public Task<IActionResult> OnPostRemoveModuleAsync(int id, int moduleId, CancellationToken ct) =>
        Run(id, () => courses.RemoveModuleAsync(id, moduleId, ct), "Module removed.");

    /// <summary>Move up (-1) or down (+1): the keyboard and no-script way to reorder.</summary>
    public Task<IActionResult> OnPostMoveAsync(int id, int moduleId, int delta, CancellationToken ct) =>
        Run(id, () => courses.MoveModuleAsync(id, moduleId, delta, ct), "Module moved.");

    /// <summary>Drag and drop posts the module's new zero-based index.</summary>
    public Task<IActionResult> OnPostReorderAsync(int id, int moduleId, int index, CancellationToken ct) =>
        Run(id, () => courses.MoveModuleToAsync(id, moduleId, index, ct), "Module moved.");

    public Task<IActionResult> OnPostNotesAsync(int id, int moduleId, CancellationToken ct) =>
        Run(id, () => courses.AnnotateModuleAsync(id, moduleId, Module.Notes, ct), "Notes saved.");

    public Task<IActionResult> OnPostAddQuestionAsync(int id, int moduleId, CancellationToken ct) =>
        Run(id, () => courses.AddQuestionAsync(id, moduleId, Question.Prompt, Question.OptionList, Question.Correct, Question.Explanation, ct), "Question added.");

    public Task<IActionResult> OnPostEditQuestionAsync(int id, int moduleId, int questionId, CancellationToken ct) =>
        Run(id, () => courses.EditQuestionAsync(id, moduleId, questionId, Question.Prompt, Question.OptionList, Question.Correct, Question.Explanation, ct), "Question saved.");

    public Task<IActionResult> OnPostRemoveQuestionAsync(int id, int moduleId, int questionId, CancellationToken ct) =>
        Run(id, () => courses.RemoveQuestionAsync(id, moduleId, questionId, ct), "Question removed.");

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        Run(id, () => courses.PublishAsync(id, ct), "Course published.");

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        Run(id, () => courses.UnpublishAsync(id, ct), "Course taken back to draft.");

    private Task<IActionResult> Run(int id, Func<Task> action, string notice) =>
        RunAsync(action, notice, () => RedirectToPage(new { id }));
}
