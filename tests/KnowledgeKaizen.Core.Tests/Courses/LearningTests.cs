namespace KnowledgeKaizen.Core.Tests.Courses;

public sealed class LearningTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Fact]
    public async Task SubmitModules_ScoresFromStoredAnswers_AndCompletesCourse()
    {
        var (id, first, second) = await database.PublishedTwoModuleCourseAsync();
        await using var db = database.NewContext();
        var learning = database.Learning(db);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);

        var one = await learning.SubmitModuleAsync(id, first.Module, KnowledgeTestDatabase.Learner, new Dictionary<int, int> { [first.Question] = 0 });
        Assert.Equal(1, one.Correct);
        var enrollment = (await learning.FindEnrollmentAsync(id, KnowledgeTestDatabase.Learner))!;
        Assert.Null(enrollment.CompletedAt);
        Assert.Equal(50, enrollment.Score);

        var two = await learning.SubmitModuleAsync(id, second.Module, KnowledgeTestDatabase.Learner, new Dictionary<int, int> { [second.Question] = 2 });
        Assert.Equal(0, two.Correct);
        enrollment = (await database.Learning(database.NewContext()).FindEnrollmentAsync(id, KnowledgeTestDatabase.Learner))!;
        Assert.NotNull(enrollment.CompletedAt);
        Assert.Equal(50, enrollment.Score);
    }

    [Fact]
    public async Task Submit_AnswerForQuestionOfAnotherModule_IsRejectedAndNothingSaved()
    {
        var (id, first, second) = await database.PublishedTwoModuleCourseAsync();
        await using var db = database.NewContext();
        var learning = database.Learning(db);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);

        var error = await Assert.ThrowsAsync<CourseRuleException>(() =>
            learning.SubmitModuleAsync(id, first.Module, KnowledgeTestDatabase.Learner, new Dictionary<int, int> { [first.Question] = 0, [second.Question] = 0 }));
        Assert.Contains("do not match", error.Message, StringComparison.Ordinal);
        Assert.Empty((await database.Learning(database.NewContext()).FindEnrollmentAsync(id, KnowledgeTestDatabase.Learner))!.Answers);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public async Task Submit_OptionOutsideQuestion_IsRejected(int option)
    {
        var (id, first, _) = await database.PublishedTwoModuleCourseAsync();
        await using var db = database.NewContext();
        var learning = database.Learning(db);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);

        await Assert.ThrowsAsync<CourseRuleException>(() =>
            learning.SubmitModuleAsync(id, first.Module, KnowledgeTestDatabase.Learner, new Dictionary<int, int> { [first.Question] = option }));
    }

    [Fact]
    public async Task Submit_MissingAnswer_IsRejected()
    {
        var (id, first, _) = await database.PublishedTwoModuleCourseAsync();
        await using var db = database.NewContext();
        var learning = database.Learning(db);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);

        await Assert.ThrowsAsync<CourseRuleException>(() => learning.SubmitModuleAsync(id, first.Module, KnowledgeTestDatabase.Learner, new Dictionary<int, int>()));
    }

    [Fact]
    public async Task Enroll_InDraftCourse_IsRejected()
    {
        var doc = await database.PublishedPlaybookAsync("Discovery");
        var id = await database.CourseAsync(doc);
        await database.AddUserAsync(KnowledgeTestDatabase.Learner, "learner@test.local");
        await using var db = database.NewContext();

        await Assert.ThrowsAsync<CourseRuleException>(() => database.Learning(db).EnrollAsync(id, KnowledgeTestDatabase.Learner));
    }

    [Fact]
    public async Task Progress_CountsWrongAnswersPerQuestion_AndStageCompletionCountsPassedCourses()
    {
        var (id, first, second) = await database.PublishedTwoModuleCourseAsync();
        await database.AddUserAsync("learner-2", "second@test.local");
        await database.AddUserAsync("learner-3", "third@test.local");
        await using var db = database.NewContext();
        var learning = database.Learning(db);
        await learning.AssignAsync(id, "SECOND@test.local", CourseTestData.Trainer);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);
        await learning.EnrollAsync(id, "learner-3");
        foreach (var (user, choice) in new[] { (KnowledgeTestDatabase.Learner, 1), ("learner-2", 1), ("learner-3", 0) })
        {
            await learning.SubmitModuleAsync(id, first.Module, user, new Dictionary<int, int> { [first.Question] = choice });
        }

        foreach (var user in new[] { KnowledgeTestDatabase.Learner, "learner-3" })
        {
            await learning.SubmitModuleAsync(id, second.Module, user, new Dictionary<int, int> { [second.Question] = 0 });
        }

        var report = (await learning.ProgressAsync(id))!;
        Assert.Equal(3, report.Learners.Count);
        Assert.Equal(2, report.Learners.Count(l => l.CompletedAt is not null));
        Assert.Single(report.Learners, l => l.Assigned);
        Assert.Equal(
            [CourseOutcome.Failed, CourseOutcome.InProgress, CourseOutcome.Passed],
            report.Learners.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Outcome));
        var question = report.Questions[0];
        Assert.Equal((3, 2, "Quote"), (question.Answered, question.Wrong, question.CommonWrongOption));

        // 1 of 2 correct is 50 %, below the 80 % mastery score: finished, but not passed.
        Assert.Equal([new StageCourseCompletion("discover", 1, 0)], await learning.StageCompletionAsync(KnowledgeTestDatabase.Learner));
        Assert.Equal([new StageCourseCompletion("discover", 1, 0)], await learning.StageCompletionAsync("learner-2"));
        Assert.Equal([new StageCourseCompletion("discover", 1, 1)], await learning.StageCompletionAsync("learner-3"));
    }

    public void Dispose() => database.Dispose();
}
