using System.Linq.Expressions;

namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// A learner on a course: assigned by a trainer or self-enrolled. Progress is saved module by module; the
/// score is computed here from the stored correct answers, never taken from the client.
/// </summary>
public class Enrollment
{
    private readonly List<EnrollmentAnswer> answers = [];

    private Enrollment()
    {
        LearnerUserId = string.Empty;
        LearnerName = string.Empty;
    }

    public int Id { get; private set; }

    public int CourseId { get; private set; }

    public string LearnerUserId { get; private set; }

    public string LearnerName { get; private set; }

    /// <summary>The trainer who assigned the course; null when the learner enrolled themselves.</summary>
    public string? AssignedByUserId { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    /// <summary>Modules the learner finished (ids).</summary>
    public int[] CompletedModuleIds { get; private set; } = [];

    /// <summary>
    /// Percentage of the course's questions answered correctly (0–100); unanswered questions count as wrong once every
    /// module is done. Null while nothing was answered yet, and always for a course without questions.
    /// </summary>
    public int? Score { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public IReadOnlyList<EnrollmentAnswer> Answers => answers;

    public bool IsCompleted => CompletedAt is not null;

    /// <summary>
    /// Passed or completed (a course without questions): every module done and no score below the mastery score. As an
    /// expression, so counts in queries use the very rule <see cref="Outcome"/> states.
    /// </summary>
    public static readonly Expression<Func<Enrollment, bool>> HasPassed =
        e => e.CompletedAt != null && (e.Score == null || e.Score >= Course.MasteryScore);

    private static readonly Func<Enrollment, bool> HasPassedRule = HasPassed.Compile();

    /// <summary>Whether the learner passed (or, without questions, completed) the course.</summary>
    public bool Passed => HasPassedRule(this);

    /// <summary>Passed, failed, completed (no questions) or still in progress.</summary>
    public CourseOutcome Outcome => CompletedAt is null ? CourseOutcome.InProgress
        : Score is null ? CourseOutcome.Completed
        : Passed ? CourseOutcome.Passed
        : CourseOutcome.Failed;

    public static Enrollment Start(int courseId, string learnerUserId, string learnerName, string? assignedByUserId, DateTimeOffset now) => new()
    {
        CourseId = courseId,
        LearnerUserId = learnerUserId,
        LearnerName = learnerName,
        AssignedByUserId = assignedByUserId,
        EnrolledAt = now,
    };

    /// <summary>
    /// Records the learner's choices for one module and marks it done. Every question of the module must be
    /// answered with one of its options; anything else (unknown question, out-of-range option) is a
    /// tampered or stale form and is refused whole.
    /// </summary>
    public ModuleResult CompleteModule(Course course, int moduleId, IReadOnlyDictionary<int, int> choices, DateTimeOffset now)
    {
        if (course.Id != CourseId)
        {
            throw new CourseRuleException("The module does not exist.");
        }

        var module = course.Module(moduleId);
        var questions = module.Questions.ToDictionary(q => q.Id);
        foreach (var (questionId, chosen) in choices)
        {
            if (!questions.TryGetValue(questionId, out var question))
            {
                throw new CourseRuleException("The answers do not match this module's questions. Reload the page and answer again.");
            }

            if (chosen < 0 || chosen >= question.Options.Length)
            {
                throw new CourseRuleException("An answer is not one of the question's options. Reload the page and answer again.");
            }
        }

        if (questions.Keys.Any(id => !choices.ContainsKey(id)))
        {
            throw new CourseRuleException("Answer every question of the module.");
        }

        answers.RemoveAll(a => a.ModuleId == moduleId);
        var results = new List<AnswerResult>();
        foreach (var question in module.OrderedQuestions)
        {
            var chosen = choices[question.Id];
            answers.Add(new EnrollmentAnswer(moduleId, question.Id, chosen, chosen == question.CorrectIndex, now));
            results.Add(new AnswerResult(question, chosen));
        }

        if (!CompletedModuleIds.Contains(moduleId))
        {
            CompletedModuleIds = [.. CompletedModuleIds, moduleId];
        }

        Rescore(course, now);
        return new ModuleResult(module, results);
    }

    /// <summary>Recomputes score and completion, e.g. after modules were added to or removed from the course.</summary>
    public void Rescore(Course course, DateTimeOffset now)
    {
        var moduleIds = course.Modules.Select(m => m.Id).ToHashSet();
        var questionIds = course.Modules.SelectMany(m => m.Questions).Select(q => q.Id).ToHashSet();
        var counted = answers.Where(a => questionIds.Contains(a.QuestionId)).ToList();
        var done = moduleIds.Count > 0 && moduleIds.All(CompletedModuleIds.Contains);
        Score = questionIds.Count == 0 || (counted.Count == 0 && !done) ? null : (int)Math.Round(100.0 * counted.Count(a => a.Correct) / questionIds.Count, MidpointRounding.AwayFromZero); // half up, as the SCORM runtime rounds
        CompletedAt = done ? CompletedAt ?? now : null;
    }

    public bool HasCompleted(int moduleId) => CompletedModuleIds.Contains(moduleId);
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.ToTable("CourseEnrollments");
        builder.Property(e => e.LearnerUserId).HasMaxLength(450);
        builder.Property(e => e.LearnerName).HasMaxLength(256);
        builder.Property(e => e.AssignedByUserId).HasMaxLength(450);
        builder.HasIndex(e => new { e.CourseId, e.LearnerUserId }).IsUnique();
        builder.HasIndex(e => e.LearnerUserId);
        builder.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Answers).HasField("answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.IsCompleted);
        builder.Ignore(e => e.Outcome);
        builder.Ignore(e => e.Passed);
    }
}
