namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// One step of a course: a knowledge document pinned to a specific published revision, the trainer's notes
/// and optional multiple-choice questions.
/// </summary>
public class CourseModule
{
    public const int MaxNotesLength = 4000;
    public const int MaxQuestions = 20;

    private readonly List<CourseQuestion> questions = [];

    private CourseModule()
    {
        Title = string.Empty;
        Notes = string.Empty;
    }

    internal CourseModule(PinTarget target, string? notes, int position)
        : this()
    {
        DocumentId = target.DocumentId;
        Pin(target);
        Annotate(notes);
        Position = position;
    }

    public int Id { get; private set; }

    public int CourseId { get; private set; }

    /// <summary>Zero-based teaching order.</summary>
    public int Position { get; private set; }

    public int DocumentId { get; private set; }

    /// <summary>The revision learners study and exports contain.</summary>
    public int PinnedRevision { get; private set; }

    /// <summary>The pinned revision's title, kept for lists that do not load documents.</summary>
    public string Title { get; private set; }

    /// <summary>The newest revision the trainer reviewed and chose not to pin; flags stay quiet up to it.</summary>
    public int? KeptRevision { get; private set; }

    /// <summary>Markdown notes for the trainer delivering the module (printed on the handout).</summary>
    public string Notes { get; private set; }

    public IReadOnlyList<CourseQuestion> Questions => questions;

    /// <summary>Whether a published revision newer than the pin (and than any kept one) awaits the trainer.</summary>
    public bool IsBehind(int? publishedRevision) =>
        publishedRevision is { } published && published > PinnedRevision && published > (KeptRevision ?? 0);

    internal void Pin(PinTarget target)
    {
        if (target.RevisionNumber < 1)
        {
            throw new CourseRuleException("Revision {0} does not exist.", target.RevisionNumber);
        }

        PinnedRevision = target.RevisionNumber;
        Title = target.Title.Length > Course.MaxTitleLength ? target.Title[..Course.MaxTitleLength] : target.Title;
        KeptRevision = null;
    }

    internal void Keep(int reviewedRevision)
    {
        if (reviewedRevision <= PinnedRevision)
        {
            throw new CourseRuleException("There is no newer revision to review.");
        }

        KeptRevision = reviewedRevision;
    }

    internal void Annotate(string? notes)
    {
        notes = (notes ?? string.Empty).Trim();
        if (notes.Length > MaxNotesLength)
        {
            throw new CourseRuleException("The notes are longer than {0} characters.", MaxNotesLength);
        }

        if (Markdown.MarkdownRenderer.FindProblem(notes) is { } problem)
        {
            throw new CourseRuleException(problem.Message, problem.Arguments);
        }

        Notes = notes;
    }

    internal CourseQuestion AddQuestion(string prompt, IReadOnlyList<string> options, int correctIndex, string? explanation)
    {
        if (questions.Count >= MaxQuestions)
        {
            throw new CourseRuleException("A module can have at most {0} questions.", MaxQuestions);
        }

        var question = new CourseQuestion(prompt, options, correctIndex, explanation, questions.Count == 0 ? 0 : questions.Max(q => q.Position) + 1);
        questions.Add(question);
        return question;
    }

    internal void RemoveQuestion(int questionId) => questions.Remove(Question(questionId));

    internal CourseQuestion Question(int questionId) =>
        questions.FirstOrDefault(q => q.Id == questionId) ?? throw new CourseRuleException("The question does not exist.");

    internal void PlaceAt(int position) => Position = position;

    public IReadOnlyList<CourseQuestion> OrderedQuestions => questions.OrderBy(q => q.Position).ToList();
}

internal sealed class CourseModuleConfiguration : IEntityTypeConfiguration<CourseModule>
{
    public void Configure(EntityTypeBuilder<CourseModule> builder)
    {
        builder.ToTable("CourseModules");
        builder.Property(m => m.Title).HasMaxLength(Course.MaxTitleLength);
        builder.Property(m => m.Notes).HasMaxLength(CourseModule.MaxNotesLength);
        builder.HasIndex(m => m.DocumentId);
        builder.HasMany(m => m.Questions).WithOne().HasForeignKey(q => q.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Questions).HasField("questions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(m => m.OrderedQuestions);
    }
}
