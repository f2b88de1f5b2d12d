namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// A course a trainer assembles from published playbooks, procedures and solutions. Every module is pinned
/// to one revision, so what learners study does not change under them when a document is revised; the
/// trainer decides when to move a pin.
/// </summary>
public class Course
{
    public const int MaxTitleLength = 200;
    public const int MaxObjectivesLength = 4000;

    /// <summary>
    /// Percentage of correct answers a learner needs to pass a course with questions: in the portal and in the
    /// exported SCORM package (adlcp:masteryscore), so both say passed or failed alike.
    /// </summary>
    public const int MasteryScore = 80;

    private readonly List<CourseModule> modules = [];

    private Course()
    {
        Title = string.Empty;
        Objectives = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    /// <summary>Markdown: what a learner can do after the course.</summary>
    public string Objectives { get; private set; }

    /// <summary>Portal role the course is for (e.g. "Staff"); null for everyone.</summary>
    public string? AudienceRole { get; private set; }

    /// <summary>Sales stage code the course trains (e.g. "propose"); null when not stage-specific.</summary>
    public string? AudienceStage { get; private set; }

    public CourseStatus Status { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Modules in teaching order.</summary>
    public IReadOnlyList<CourseModule> Modules => modules;

    public static Course Create(string title, string? objectives, string? audienceRole, string? audienceStage, string trainerUserId, DateTimeOffset now)
    {
        var course = new Course { CreatedByUserId = trainerUserId, CreatedAt = now, Status = CourseStatus.Draft };
        course.Describe(title, objectives, audienceRole, audienceStage, now);
        return course;
    }

    /// <summary>Changes title, objectives and audience.</summary>
    public void Describe(string title, string? objectives, string? audienceRole, string? audienceStage, DateTimeOffset now)
    {
        title = (title ?? string.Empty).Trim();
        if (title.Length == 0)
        {
            throw new CourseRuleException("A title is required.");
        }

        if (title.Length > MaxTitleLength)
        {
            throw new CourseRuleException("The title is longer than {0} characters.", MaxTitleLength);
        }

        objectives = (objectives ?? string.Empty).Trim();
        if (objectives.Length > MaxObjectivesLength)
        {
            throw new CourseRuleException("The objectives are longer than {0} characters.", MaxObjectivesLength);
        }

        if (Markdown.MarkdownRenderer.FindProblem(objectives) is { } problem)
        {
            throw new CourseRuleException(problem.Message, problem.Arguments);
        }

        Title = title;
        Objectives = objectives;
        AudienceRole = string.IsNullOrWhiteSpace(audienceRole) ? null : audienceRole.Trim();
        AudienceStage = string.IsNullOrWhiteSpace(audienceStage) ? null : audienceStage.Trim().ToLowerInvariant();
        Touch(now);
    }

    /// <summary>Appends a module pinned to a published revision of a document.</summary>
    public CourseModule AddModule(PinTarget target, string? notes, DateTimeOffset now)
    {
        if (modules.Any(m => m.DocumentId == target.DocumentId))
        {
            throw new CourseRuleException("This document is already a module of the course.");
        }

        var module = new CourseModule(target, notes, modules.Count);
        modules.Add(module);
        Touch(now);
        return module;
    }

    public void RemoveModule(int moduleId, DateTimeOffset now)
    {
        modules.Remove(Module(moduleId));
        Renumber(modules.OrderBy(m => m.Position).ToList());
        Touch(now);
    }

    /// <summary>Moves a module one place up (-1) or down (+1); at the ends it stays where it is.</summary>
    public void MoveModule(int moduleId, int delta, DateTimeOffset now)
    {
        var module = Module(moduleId);
        MoveModuleTo(moduleId, Math.Clamp(module.Position + Math.Sign(delta), 0, modules.Count - 1), now);
    }

    /// <summary>Moves a module to a zero-based index (drag and drop), shifting the others.</summary>
    public void MoveModuleTo(int moduleId, int index, DateTimeOffset now)
    {
        var module = Module(moduleId);
        if (index < 0 || index >= modules.Count)
        {
            throw new CourseRuleException("That position does not exist.");
        }

        var ordered = modules.OrderBy(m => m.Position).ToList();
        ordered.Remove(module);
        ordered.Insert(index, module);
        Renumber(ordered);
        Touch(now);
    }

    /// <summary>Moves a module's pin to another published revision (usually the newest after a review).</summary>
    public void PinTo(int moduleId, PinTarget target, DateTimeOffset now)
    {
        var module = Module(moduleId);
        if (module.DocumentId != target.DocumentId)
        {
            throw new CourseRuleException("The revision belongs to another document.");
        }

        module.Pin(target);
        Touch(now);
    }

    /// <summary>The trainer saw the newer revision and keeps the current pin; the flag stays quiet until an even newer one.</summary>
    public void KeepPin(int moduleId, int reviewedRevision, DateTimeOffset now)
    {
        Module(moduleId).Keep(reviewedRevision);
        Touch(now);
    }

    public void AnnotateModule(int moduleId, string? notes, DateTimeOffset now)
    {
        Module(moduleId).Annotate(notes);
        Touch(now);
    }

    public CourseQuestion AddQuestion(int moduleId, string prompt, IReadOnlyList<string> options, int correctIndex, string? explanation, DateTimeOffset now)
    {
        var question = Module(moduleId).AddQuestion(prompt, options, correctIndex, explanation);
        Touch(now);
        return question;
    }

    /// <summary>
    /// Rewrites a question. Once learners answered it, only its wording may change: the number of options and which one
    /// is correct stay, so the stored answers keep meaning what they meant.
    /// </summary>
    public void EditQuestion(int moduleId, int questionId, string prompt, IReadOnlyList<string> options, int correctIndex, string? explanation,
        bool answered, DateTimeOffset now)
    {
        Module(moduleId).Question(questionId).Revise(prompt, options, correctIndex, explanation, answered);
        Touch(now);
    }

    public void RemoveQuestion(int moduleId, int questionId, DateTimeOffset now)
    {
        Module(moduleId).RemoveQuestion(questionId);
        Touch(now);
    }

    /// <summary>Opens the course to learners; an empty course teaches nothing and is refused.</summary>
    public void Publish(DateTimeOffset now)
    {
        RequireContent();
        Status = CourseStatus.Published;
        Touch(now);
    }

    /// <summary>Takes the course back to draft; learners' progress is kept.</summary>
    public void Unpublish(DateTimeOffset now)
    {
        Status = CourseStatus.Draft;
        Touch(now);
    }

    /// <summary>Exports and publishing need at least one module.</summary>
    public void RequireContent()
    {
        if (modules.Count == 0)
        {
            throw new CourseRuleException("The course has no modules yet. Add at least one module before exporting or publishing.");
        }
    }

    /// <summary>Modules in teaching order.</summary>
    public IReadOnlyList<CourseModule> OrderedModules => modules.OrderBy(m => m.Position).ToList();

    public int QuestionCount => modules.Sum(m => m.Questions.Count);

    public CourseModule Module(int moduleId) =>
        modules.FirstOrDefault(m => m.Id == moduleId) ?? throw new CourseRuleException("The module does not exist.");

    private static void Renumber(List<CourseModule> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].PlaceAt(i);
        }
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now > UpdatedAt ? now : UpdatedAt;
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("Courses");
        builder.Property(c => c.Title).HasMaxLength(Course.MaxTitleLength);
        builder.Property(c => c.Objectives).HasMaxLength(Course.MaxObjectivesLength);
        builder.Property(c => c.AudienceRole).HasMaxLength(32);
        builder.Property(c => c.AudienceStage).HasMaxLength(32);
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(c => new { c.Status, c.AudienceStage });
        builder.HasMany(c => c.Modules).WithOne().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Modules).HasField("modules").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.OrderedModules);
        builder.Ignore(c => c.QuestionCount);
    }
}
