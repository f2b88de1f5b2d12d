namespace KnowledgeKaizen.Core.Courses;

/// <summary>A multiple-choice question: the server alone knows and scores the correct option.</summary>
public class CourseQuestion
{
    public const int MaxPromptLength = 1000;
    public const int MaxOptionLength = 500;
    public const int MaxOptions = 8;

    private CourseQuestion()
    {
        Prompt = string.Empty;
        Explanation = string.Empty;
    }

    internal CourseQuestion(string prompt, IReadOnlyList<string> options, int correctIndex, string? explanation, int position)
        : this()
    {
        Revise(prompt, options, correctIndex, explanation, answered: false);
        Position = position;
    }

    /// <summary>Sets the question's text; see <see cref="Course.EditQuestion"/> for what may change once it was answered.</summary>
    internal void Revise(string prompt, IReadOnlyList<string> options, int correctIndex, string? explanation, bool answered)
    {
        prompt = (prompt ?? string.Empty).Trim();
        var cleaned = (options ?? []).Select(o => (o ?? string.Empty).Trim()).Where(o => o.Length > 0).ToArray();
        if (prompt.Length == 0 || prompt.Length > MaxPromptLength)
        {
            throw new CourseRuleException("A question needs a prompt of at most {0} characters.", MaxPromptLength);
        }

        if (cleaned.Length is < 2 or > MaxOptions || cleaned.Any(o => o.Length > MaxOptionLength))
        {
            throw new CourseRuleException("A question needs between 2 and {0} options.", MaxOptions);
        }

        if (cleaned.Distinct(StringComparer.OrdinalIgnoreCase).Count() != cleaned.Length)
        {
            throw new CourseRuleException("The options of a question must differ.");
        }

        if (correctIndex < 0 || correctIndex >= cleaned.Length)
        {
            throw new CourseRuleException("Mark which option is correct.");
        }

        if (answered && (cleaned.Length != Options.Length || correctIndex != CorrectIndex))
        {
            throw new CourseRuleException("Learners have answered this question: its wording can change, but not the number of options or which one is correct. Add a new question instead.");
        }

        Prompt = prompt;
        Options = cleaned;
        CorrectIndex = correctIndex;
        Explanation = (explanation ?? string.Empty).Trim();
    }

    public int Id { get; private set; }

    public int ModuleId { get; private set; }

    public int Position { get; private set; }

    public string Prompt { get; private set; }

    public string[] Options { get; private set; } = [];

    public int CorrectIndex { get; private set; }

    /// <summary>Shown after answering: why the correct option is right.</summary>
    public string Explanation { get; private set; }
}

internal sealed class CourseQuestionConfiguration : IEntityTypeConfiguration<CourseQuestion>
{
    public void Configure(EntityTypeBuilder<CourseQuestion> builder)
    {
        builder.ToTable("CourseQuestions");
        builder.Property(q => q.Prompt).HasMaxLength(CourseQuestion.MaxPromptLength);
        builder.Property(q => q.Explanation).HasMaxLength(2000);
    }
}
