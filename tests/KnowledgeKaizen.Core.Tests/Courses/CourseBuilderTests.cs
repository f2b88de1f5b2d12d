namespace KnowledgeKaizen.Core.Tests.Courses;

public sealed class CourseBuilderTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Fact]
    public async Task MoveModule_UpDownAndToIndex_KeepsPositionsContiguous()
    {
        var a = await database.PublishedPlaybookAsync("Alpha");
        var b = await database.PublishedPlaybookAsync("Bravo");
        var c = await database.PublishedPlaybookAsync("Charlie");
        var id = await database.CourseAsync(a, b, c);

        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var course = (await courses.FindAsync(id))!;
        var charlie = course.Modules.Single(m => m.DocumentId == c).Id;
        var alpha = course.Modules.Single(m => m.DocumentId == a).Id;

        await courses.MoveModuleAsync(id, charlie, -1);
        Assert.Equal(["Alpha", "Charlie", "Bravo"], course.OrderedModules.Select(m => m.Title));

        await courses.MoveModuleAsync(id, alpha, -1);
        Assert.Equal(["Alpha", "Charlie", "Bravo"], course.OrderedModules.Select(m => m.Title));

        await courses.MoveModuleToAsync(id, alpha, 2);
        Assert.Equal(["Charlie", "Bravo", "Alpha"], course.OrderedModules.Select(m => m.Title));
        Assert.Equal([0, 1, 2], course.OrderedModules.Select(m => m.Position));

        await Assert.ThrowsAsync<CourseRuleException>(() => courses.MoveModuleToAsync(id, alpha, 3));
        await courses.RemoveModuleAsync(id, charlie);
        Assert.Equal([0, 1], course.OrderedModules.Select(m => m.Position));
    }

    [Fact]
    public async Task AddModule_OfDraftDocument_IsRejected()
    {
        var draft = await database.NewPlaybookAsync("Unreviewed idea");
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var course = await courses.CreateAsync("Course", null, null, null, CourseTestData.Trainer);

        var error = await Assert.ThrowsAsync<CourseRuleException>(() => courses.AddModuleAsync(course.Id, draft, null, null));
        Assert.Contains("published", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_EmptyCourse_IsRefusedWithReason()
    {
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var course = await courses.CreateAsync("Empty", null, null, null, CourseTestData.Trainer);

        var error = await Assert.ThrowsAsync<CourseRuleException>(() => courses.PublishAsync(course.Id));
        Assert.Contains("no modules", error.Message, StringComparison.Ordinal);
        Assert.Equal(CourseStatus.Draft, (await courses.FindAsync(course.Id))!.Status);
    }

    [Fact]
    public async Task NewerPublishedRevision_FlagsModule_UntilPinUpdated()
    {
        var doc = await database.PublishedPlaybookAsync("Discovery", "First text.\n");
        var id = await database.CourseAsync(doc);
        await database.PublishNewRevisionAsync(doc, "Second text.\n");

        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var content = (await courses.ContentAsync(id))!;
        Assert.True(content.Modules[0].HasNewerRevision);
        Assert.Equal("First text.\n", content.Modules[0].Pinned.Body);

        var review = (await courses.PinReviewAsync(id, content.Modules[0].Module.Id))!.Value;
        Assert.Equal(1, review.Comparison.From.Number);
        Assert.Equal(2, review.Comparison.To.Number);
        Assert.True(review.Comparison.Inserted > 0);

        await courses.UpdatePinAsync(id, content.Modules[0].Module.Id);
        var updated = (await database.Courses(database.NewContext()).ContentAsync(id))!;
        Assert.False(updated.Modules[0].HasNewerRevision);
        Assert.Equal("Second text.\n", updated.Modules[0].Pinned.Body);
    }

    [Fact]
    public async Task KeepPin_SilencesFlag_UntilAnEvenNewerRevision()
    {
        var doc = await database.PublishedPlaybookAsync("Discovery", "First text.\n");
        var id = await database.CourseAsync(doc);
        await database.PublishNewRevisionAsync(doc, "Second text.\n");
        await using (var db = database.NewContext())
        {
            var courses = database.Courses(db);
            var module = (await courses.FindAsync(id))!.Modules[0].Id;
            await courses.KeepPinAsync(id, module);
            var content = (await courses.ContentAsync(id))!;
            Assert.False(content.Modules[0].HasNewerRevision);
            Assert.Equal(1, content.Modules[0].Module.PinnedRevision);
        }

        await database.PublishNewRevisionAsync(doc, "Third text.\n");
        Assert.True((await database.Courses(database.NewContext()).ContentAsync(id))!.Modules[0].HasNewerRevision);
    }

    [Fact]
    public async Task ArchivedDocument_IsFlagged_AndStillServesPinnedRevision()
    {
        var doc = await database.PublishedPlaybookAsync("Old practice", "Pinned words.\n");
        var id = await database.CourseAsync(doc);
        await using (var db = database.NewContext())
        {
            await database.Service(db).ArchiveAsync(doc, KnowledgeTestDatabase.Manager);
        }

        var content = (await database.Courses(database.NewContext()).ContentAsync(id))!;
        Assert.True(content.Modules[0].IsArchived);
        Assert.True(content.NeedsAttention);
        Assert.Equal("Pinned words.\n", content.Modules[0].Pinned.Body);
    }

    [Theory]
    [InlineData(new[] { "Only one" }, 0)]
    [InlineData(new[] { "Same", "same" }, 0)]
    [InlineData(new[] { "Yes", "No" }, 2)]
    [InlineData(new[] { "Yes", "No" }, -1)]
    public async Task AddQuestion_WithInvalidOptions_IsRejected(string[] options, int correct)
    {
        var doc = await database.PublishedPlaybookAsync("Discovery");
        var id = await database.CourseAsync(doc);
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var module = (await courses.FindAsync(id))!.Modules[0].Id;

        await Assert.ThrowsAsync<CourseRuleException>(() => courses.AddQuestionAsync(id, module, "Which?", options, correct, null));
    }

    [Fact]
    public async Task EditQuestion_BeforeAnyAnswer_MayChangeOptionsAndTheCorrectOne()
    {
        var doc = await database.PublishedPlaybookAsync("Discovery");
        var id = await database.CourseAsync(doc);
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var module = (await courses.FindAsync(id))!.Modules[0];
        var question = module.Questions[0].Id;

        await courses.EditQuestionAsync(id, module.Id, question, "  What do you ask first?  ", ["Budget", "Timing", "Price", "Nothing"], 1, "Timing frames the rest.");

        var edited = (await database.Courses(database.NewContext()).FindAsync(id))!.Modules[0].Questions.Single();
        Assert.Equal(("What do you ask first?", 1, "Timing frames the rest."), (edited.Prompt, edited.CorrectIndex, edited.Explanation));
        Assert.Equal(["Budget", "Timing", "Price", "Nothing"], edited.Options);
        await Assert.ThrowsAsync<CourseRuleException>(() => courses.EditQuestionAsync(id, module.Id, question, "Which?", ["One"], 0, null));
        await Assert.ThrowsAsync<CourseRuleException>(() => courses.EditQuestionAsync(id, module.Id, question + 99, "Which?", ["A", "B"], 0, null));
    }

    [Fact]
    public async Task EditQuestion_AfterALearnerAnswered_ChangesTheWordingOnly()
    {
        var doc = await database.PublishedPlaybookAsync("Discovery");
        var id = await database.CourseAsync(doc);
        await database.AddUserAsync(KnowledgeTestDatabase.Learner, "learner@test.local");
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        await courses.PublishAsync(id);
        var module = (await courses.FindAsync(id))!.Modules[0];
        var question = module.Questions[0].Id;
        var learning = database.Learning(db);
        await learning.EnrollAsync(id, KnowledgeTestDatabase.Learner);
        await learning.SubmitModuleAsync(id, module.Id, KnowledgeTestDatabase.Learner, new Dictionary<int, int> { [question] = 0 });

        var moved = await Assert.ThrowsAsync<CourseRuleException>(() => courses.EditQuestionAsync(id, module.Id, question, "What comes first?", ["Ask", "Quote", "Close"], 1, null));
        Assert.Contains("Learners have answered", moved.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CourseRuleException>(() => courses.EditQuestionAsync(id, module.Id, question, "What comes first?", ["Ask", "Quote"], 0, null));

        await courses.EditQuestionAsync(id, module.Id, question, "What do you do first?", ["Ask questions", "Send a quote", "Close"], 0, "Questions first.");
        var edited = (await database.Courses(database.NewContext()).FindAsync(id))!.Modules[0].Questions.Single();
        Assert.Equal(("What do you do first?", "Ask questions", 0), (edited.Prompt, edited.Options[0], edited.CorrectIndex));
    }

    public void Dispose() => database.Dispose();
}
