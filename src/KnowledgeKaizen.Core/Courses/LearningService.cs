namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// Learners on courses: enrolment (self or assigned), module-by-module progress and scoring from the
/// stored correct answers, and what trainers and managers see of it.
/// </summary>
public sealed class LearningService(KnowledgeKaizenDbContext db, CourseService courses, TimeProvider clock)
{
    public Task<Enrollment?> FindEnrollmentAsync(int courseId, string learnerUserId, CancellationToken ct = default) =>
        db.Enrollments.Include(e => e.Answers).FirstOrDefaultAsync(e => e.CourseId == courseId && e.LearnerUserId == learnerUserId, ct);

    /// <summary>Self-enrolment on a published course; enrolling twice keeps the first enrolment.</summary>
    public async Task<Enrollment> EnrollAsync(int courseId, string learnerUserId, CancellationToken ct = default)
    {
        var course = await courses.FindAsync(courseId, ct);
        if (course is null || course.Status != CourseStatus.Published)
        {
            throw new CourseRuleException("Only a published course can be joined.");
        }

        return await StartAsync(courseId, learnerUserId, null, ct);
    }

    /// <summary>A trainer assigns the course to a portal user by e-mail.</summary>
    public async Task<Enrollment> AssignAsync(int courseId, string learnerEmail, string trainerUserId, CancellationToken ct = default)
    {
        var course = await courses.FindAsync(courseId, ct) ?? throw new CourseRuleException("The course does not exist.");
        course.RequireContent();
        var normalized = (learnerEmail ?? string.Empty).Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new CourseRuleException("No portal user has that e-mail address.");
        return await StartAsync(courseId, user.Id, trainerUserId, ct);
    }

    /// <summary>Scores one module's answers on the server and saves the learner's progress.</summary>
    public async Task<ModuleResult> SubmitModuleAsync(int courseId, int moduleId, string learnerUserId, IReadOnlyDictionary<int, int> choices, CancellationToken ct = default)
    {
        var course = await courses.FindAsync(courseId, ct) ?? throw new CourseRuleException("The course does not exist.");
        var enrollment = await FindEnrollmentAsync(courseId, learnerUserId, ct) ?? throw new CourseRuleException("Join the course first.");
        var result = enrollment.CompleteModule(course, moduleId, choices, Now);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>The courses a learner is on, with their progress.</summary>
    public async Task<IReadOnlyList<(Enrollment Enrollment, string Title, int Modules)>> MyCoursesAsync(string learnerUserId, CancellationToken ct = default)
    {
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.LearnerUserId == learnerUserId)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { Enrollment = e, c.Title, Modules = c.Modules.Count })
            .ToListAsync(ct);
        return rows.Select(r => (r.Enrollment, r.Title, r.Modules)).OrderBy(r => r.Title).ToList();
    }

    /// <summary>Completion and scores per learner, and per question how many got it wrong.</summary>
    public async Task<CourseProgress?> ProgressAsync(int courseId, CancellationToken ct = default)
    {
        var course = await courses.FindAsync(courseId, ct);
        if (course is null)
        {
            return null;
        }

        var enrollments = await db.Enrollments.AsNoTracking().Include(e => e.Answers).Where(e => e.CourseId == courseId).ToListAsync(ct);
        var moduleIds = course.Modules.Select(m => m.Id).ToHashSet();
        var learners = enrollments
            .Select(e => new LearnerProgress(e.LearnerName, e.AssignedByUserId is not null, e.CompletedModuleIds.Count(moduleIds.Contains), moduleIds.Count, e.Score, e.EnrolledAt, e.CompletedAt, e.Outcome))
            .OrderByDescending(l => l.CompletedAt is not null).ThenBy(l => l.Name, StringComparer.CurrentCulture)
            .ToList();
        var answers = enrollments.SelectMany(e => e.Answers).ToLookup(a => a.QuestionId);
        var questions = course.OrderedModules.SelectMany(m => m.OrderedQuestions.Select(q => (Module: m, Question: q)))
            .Select(x =>
            {
                var given = answers[x.Question.Id].ToList();
                var wrongChoices = given.Where(a => !a.Correct).GroupBy(a => a.ChosenIndex).OrderByDescending(g => g.Count()).FirstOrDefault();
                return new QuestionStatistics(x.Module.Title, x.Question.Prompt, given.Count, given.Count(a => !a.Correct),
                    wrongChoices is null ? null : x.Question.Options.ElementAtOrDefault(wrongChoices.Key));
            })
            .ToList();
        return new CourseProgress(course, learners, questions);
    }

    /// <summary>
    /// For each sales stage: how many published courses train it and how many of them the user passed (or completed,
    /// for a course without questions).
    /// Shown beside a rep's stage findings.
    /// </summary>
    public async Task<IReadOnlyList<StageCourseCompletion>> StageCompletionAsync(string? learnerUserId, CancellationToken ct = default)
    {
        var stageCourses = await db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Published && c.AudienceStage != null)
            .Select(c => new { c.Id, Stage = c.AudienceStage! })
            .ToListAsync(ct);
        var passed = learnerUserId is null ? [] : await db.Enrollments.AsNoTracking()
            .Where(e => e.LearnerUserId == learnerUserId).Where(Enrollment.HasPassed).Select(e => e.CourseId).ToListAsync(ct);
        return stageCourses.GroupBy(c => c.Stage)
            .Select(g => new StageCourseCompletion(g.Key, g.Count(), g.Count(c => passed.Contains(c.Id))))
            .OrderBy(s => Knowledge.DocumentKinds.Stages.ToList().IndexOf(s.Stage))
            .ToList();
    }

    /// <summary><see cref="StageCompletionAsync"/> for a CRM rep through their linked portal account.</summary>
    public async Task<(string? UserId, IReadOnlyList<StageCourseCompletion> Stages)> StageCompletionForRepAsync(long repId, CancellationToken ct = default)
    {
        var userId = await db.Reps.AsNoTracking().Where(r => r.Id == repId).Select(r => r.UserId).FirstOrDefaultAsync(ct);
        return (userId, await StageCompletionAsync(userId, ct));
    }

    private async Task<Enrollment> StartAsync(int courseId, string learnerUserId, string? assignedBy, CancellationToken ct)
    {
        var existing = await FindEnrollmentAsync(courseId, learnerUserId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var learner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == learnerUserId, ct)
            ?? throw new CourseRuleException("No portal user has that e-mail address.");
        var enrollment = Enrollment.Start(courseId, learner.Id, learner.Name, assignedBy, Now);
        db.Enrollments.Add(enrollment);
        if (assignedBy is not null && assignedBy != learner.Id)
        {
            db.Raise(new CourseAssigned(courseId, learner.Id, assignedBy));
        }

        await db.SaveChangesAsync(ct);
        return enrollment;
    }

    private DateTimeOffset Now => clock.GetUtcNow();
}
