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
}
