namespace KnowledgeKaizen.Core.Tests.Courses;

/// <summary>
/// Passed or failed by the mastery score (80 %), the rule the SCORM package reports too; the expected scores are worked
/// out by hand in each test.
/// </summary>
public sealed class CourseOutcomeTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Fact]
    public void MasteryScore_Is80Percent() => Assert.Equal(80, Course.MasteryScore);

    [Theory]
    [InlineData(3, 2, 67, CourseOutcome.Failed)]   // 2/3 = 66.7 % → 67, below 80
    [InlineData(5, 4, 80, CourseOutcome.Passed)]   // 4/5 = 80 %: the mastery score itself passes
    [InlineData(5, 3, 60, CourseOutcome.Failed)]   // 3/5 = 60 %
    [InlineData(8, 5, 63, CourseOutcome.Failed)]   // 5/8 = 62.5 % → 63, rounded half up as the SCORM runtime's Math.round
    [InlineData(2, 2, 100, CourseOutcome.Passed)]
    public async Task FinishedCourse_PassesOrFailsByItsScore(int questions, int right, int score, CourseOutcome outcome)
    {
        var (id, answers) = await CourseWithOneModuleAsync(questions);
        await using var db = database.NewContext();
        var learning = database.Learning(db);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);

        await learning.SubmitModuleAsync(id, answers.Module, KnowledgeTestDatabase.Learner, answers.Choosing(right));

        var enrollment = (await learning.FindEnrollmentAsync(id, KnowledgeTestDatabase.Learner))!;
        Assert.Equal((score, outcome), (enrollment.Score, enrollment.Outcome));
        Assert.Equal(outcome == CourseOutcome.Passed, enrollment.Passed);
        var summary = Assert.Single(await database.Courses(db).ListAsync(includeDrafts: true), c => c.Id == id);
        Assert.Equal((1, enrollment.Passed ? 1 : 0, enrollment.Passed ? 0 : 1), (summary.Learners, summary.Passed, summary.Failed));
    }

    [Fact]
    public async Task UnfinishedCourse_IsInProgress_EvenWithAFullScoreSoFar()
    {
        var (id, first, _) = await database.PublishedTwoModuleCourseAsync();
        await using var db = database.NewContext();
        var learning = database.Learning(db);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);

        await learning.SubmitModuleAsync(id, first.Module, KnowledgeTestDatabase.Learner, new Dictionary<int, int> { [first.Question] = 0 });

        var enrollment = (await learning.FindEnrollmentAsync(id, KnowledgeTestDatabase.Learner))!;
        Assert.Equal((50, CourseOutcome.InProgress, false), (enrollment.Score, enrollment.Outcome, enrollment.Passed));
    }

    [Fact]
    public async Task CourseWithoutQuestions_IsCompleted_AndCountsAsPassed()
    {
        var doc = await database.PublishedPlaybookAsync("Reading only");
        await database.AddUserAsync(KnowledgeTestDatabase.Learner, "learner@test.local");
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var course = await courses.CreateAsync("Read and go", null, null, "discover", CourseTestData.Trainer);
        await courses.AddModuleAsync(course.Id, doc, null, null);
        await courses.PublishAsync(course.Id);
        var learning = database.Learning(db);
        await learning.EnrollAsync(course.Id, KnowledgeTestDatabase.Learner);

        await learning.SubmitModuleAsync(course.Id, course.Modules[0].Id, KnowledgeTestDatabase.Learner, new Dictionary<int, int>());

        var enrollment = (await learning.FindEnrollmentAsync(course.Id, KnowledgeTestDatabase.Learner))!;
        Assert.Equal((null, CourseOutcome.Completed, true), (enrollment.Score, enrollment.Outcome, enrollment.Passed));
        var summary = Assert.Single(await courses.ListAsync(includeDrafts: true), c => c.Id == course.Id);
        Assert.Equal((false, 1, 0), (summary.HasQuestions, summary.Passed, summary.Failed));
        Assert.Equal([new StageCourseCompletion("discover", 1, 1)], await learning.StageCompletionAsync(KnowledgeTestDatabase.Learner));
    }

    /// <summary>A published course of one module with <paramref name="questions"/> questions, "Right" being the first option of each.</summary>
    private async Task<(int Id, ModuleAnswers Answers)> CourseWithOneModuleAsync(int questions)
    {
        var doc = await database.PublishedPlaybookAsync("Quoting");
        await database.AddUserAsync(KnowledgeTestDatabase.Learner, "learner@test.local");
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var course = await courses.CreateAsync("Quoting basics", null, null, null, CourseTestData.Trainer);
        await courses.AddModuleAsync(course.Id, doc, null, null);
        var module = course.Modules[0];
        for (var i = 1; i <= questions; i++)
        {
            await courses.AddQuestionAsync(course.Id, module.Id, $"Question {i}?", ["Right", "Wrong"], 0, null);
        }

        await courses.PublishAsync(course.Id);
        return (course.Id, new ModuleAnswers(module.Id, [.. module.OrderedQuestions.Select(q => q.Id)]));
    }

    private sealed record ModuleAnswers(int Module, IReadOnlyList<int> Questions)
    {
        /// <summary>The right option for the first <paramref name="right"/> questions, the wrong one for the rest.</summary>
        public Dictionary<int, int> Choosing(int right) => Questions.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i < right ? 0 : 1);
    }

    public void Dispose() => database.Dispose();
}
