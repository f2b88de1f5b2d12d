namespace KnowledgeKaizen.Core.Tests.Courses;

/// <summary>Published documents and courses on the in-memory knowledge database.</summary>
public static class CourseTestData
{
    public const string Trainer = "trainer-1";

    /// <summary>A playbook approved once (revision 1 published).</summary>
    public static async Task<int> PublishedPlaybookAsync(this KnowledgeTestDatabase database, string title, string body = "## Steps\n\n1. Ask.\n")
    {
        var id = await database.NewPlaybookAsync(title, body);
        await using var db = database.NewContext();
        var service = database.Service(db);
        await service.SubmitAsync(id, KnowledgeTestDatabase.Author);
        await service.ApproveAsync(id, 1, null, null, KnowledgeTestDatabase.Manager);
        return id;
    }

    /// <summary>Saves and approves a new revision of a published document.</summary>
    public static async Task PublishNewRevisionAsync(this KnowledgeTestDatabase database, int id, string body)
    {
        await using var db = database.NewContext();
        var service = database.Service(db);
        var document = (await service.FindAsync(id, KnowledgeTestDatabase.Manager))!;
        var saved = await service.SaveAsync(id, document.Version, document.Title, body, document.Metadata, "revised", KnowledgeTestDatabase.Author);
        await service.SubmitAsync(id, KnowledgeTestDatabase.Author);
        await service.ApproveAsync(id, saved.Document!.CurrentRevisionNumber, null, null, KnowledgeTestDatabase.Manager);
    }

    public static CourseService Courses(this KnowledgeTestDatabase database, Data.KnowledgeKaizenDbContext db) => new(db, database.Clock);

    public static LearningService Learning(this KnowledgeTestDatabase database, Data.KnowledgeKaizenDbContext db) =>
        new(db, new CourseService(db, database.Clock), database.Clock);

    /// <summary>A course with one module per document, each with one question whose correct option is the first.</summary>
    public static async Task<int> CourseAsync(this KnowledgeTestDatabase database, params int[] documentIds)
    {
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        var course = await courses.CreateAsync("Discovery basics", "Run a discovery visit.", "Staff", "discover", Trainer);
        foreach (var documentId in documentIds)
        {
            await courses.AddModuleAsync(course.Id, documentId, null, "Show the example.");
            var module = course.Modules.Single(m => m.DocumentId == documentId);
            await courses.AddQuestionAsync(course.Id, module.Id, "What comes first?", ["Ask", "Quote", "Close"], 0, "Ask before you quote.");
        }

        return course.Id;
    }

    /// <summary>
    /// The course of <see cref="CourseAsync"/> over two published playbooks ("Alpha", "Bravo"), published, with
    /// <see cref="KnowledgeTestDatabase.Learner"/> signed up as a user; its two modules with their one question each.
    /// </summary>
    public static async Task<(int Id, (int Module, int Question) First, (int Module, int Question) Second)> PublishedTwoModuleCourseAsync(
        this KnowledgeTestDatabase database)
    {
        var a = await database.PublishedPlaybookAsync("Alpha");
        var b = await database.PublishedPlaybookAsync("Bravo");
        var id = await database.CourseAsync(a, b);
        await database.AddUserAsync(KnowledgeTestDatabase.Learner, "learner@test.local");
        await using var db = database.NewContext();
        var courses = database.Courses(db);
        await courses.PublishAsync(id);
        var modules = (await courses.FindAsync(id))!.OrderedModules;
        return (id, (modules[0].Id, modules[0].Questions[0].Id), (modules[1].Id, modules[1].Questions[0].Id));
    }
}
