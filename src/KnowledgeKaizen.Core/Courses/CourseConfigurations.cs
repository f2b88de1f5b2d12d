using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeKaizen.Core.Courses;

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

internal sealed class CourseQuestionConfiguration : IEntityTypeConfiguration<CourseQuestion>
{
    public void Configure(EntityTypeBuilder<CourseQuestion> builder)
    {
        builder.ToTable("CourseQuestions");
        builder.Property(q => q.Prompt).HasMaxLength(CourseQuestion.MaxPromptLength);
        builder.Property(q => q.Explanation).HasMaxLength(2000);
    }
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
    }
}

internal sealed class EnrollmentAnswerConfiguration : IEntityTypeConfiguration<EnrollmentAnswer>
{
    public void Configure(EntityTypeBuilder<EnrollmentAnswer> builder)
    {
        builder.ToTable("CourseEnrollmentAnswers");
        builder.HasIndex(a => a.QuestionId);
    }
}
