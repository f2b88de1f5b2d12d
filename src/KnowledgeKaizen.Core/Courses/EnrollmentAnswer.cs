namespace KnowledgeKaizen.Core.Courses;

/// <summary>One stored answer: which option the learner chose and whether it was right.</summary>
public class EnrollmentAnswer
{
    private EnrollmentAnswer()
    {
    }

    internal EnrollmentAnswer(int moduleId, int questionId, int chosenIndex, bool correct, DateTimeOffset answeredAt)
    {
        ModuleId = moduleId;
        QuestionId = questionId;
        ChosenIndex = chosenIndex;
        Correct = correct;
        AnsweredAt = answeredAt;
    }

    public int Id { get; private set; }

    public int EnrollmentId { get; private set; }

    public int ModuleId { get; private set; }

    public int QuestionId { get; private set; }

    public int ChosenIndex { get; private set; }

    public bool Correct { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }
}

internal sealed class EnrollmentAnswerConfiguration : IEntityTypeConfiguration<EnrollmentAnswer>
{
    public void Configure(EntityTypeBuilder<EnrollmentAnswer> builder)
    {
        builder.ToTable("CourseEnrollmentAnswers");
        builder.HasIndex(a => a.QuestionId);
    }
}
