using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Knowledge;

namespace KnowledgeKaizen.Testing;

/// <summary>Published documents and courses made through the running portal's own services (HTTP and browser tests alike).</summary>
public static class ContentScenario
{
    private static readonly Actor Manager = new("scenario-manager", "Scenario Manager", true);

    /// <summary>A 1×1 PNG stored as an uploaded knowledge image; returns its portal URL.</summary>
    public static string StoreImage(IServiceProvider services)
    {
        var folder = Path.Combine(services.GetRequiredService<DataFolder>().Uploads, "knowledge");
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + ".png";
        File.WriteAllBytes(Path.Combine(folder, name), Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
        return "/api/v1/knowledge/images/" + name;
    }

    /// <summary>
    /// A document written by <paramref name="author"/> (a manager by default) and, unless <paramref name="publish"/>
    /// is false, submitted and approved: the real lifecycle, so the search outbox is filled as in production. Language
    /// versions of one document share a <paramref name="slug"/> (by default one is made from the title).
    /// </summary>
    public static async Task<int> PublishedDocumentAsync(
        IServiceProvider services, DocumentKind kind, string title, string body, DocumentMetadata? metadata = null,
        Actor? author = null, string language = "en", bool publish = true, string? slug = null)
    {
        using var scope = services.CreateScope();
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
        var writer = author ?? Manager;
        var document = await knowledge.CreateAsync(kind, language, slug, title, body,
            metadata ?? new DocumentMetadata { Stages = ["propose"], Owner = "Sales" }, writer);
        if (publish)
        {
            await knowledge.SubmitAsync(document.Id, writer);
            await knowledge.ApproveAsync(document.Id, document.CurrentRevisionNumber, null, null, Manager);
        }

        return document.Id;
    }

    /// <summary>Saves <paramref name="body"/> as the document's next revision and publishes it.</summary>
    public static async Task ReviseAsync(IServiceProvider services, int documentId, string body)
    {
        using var scope = services.CreateScope();
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
        var document = (await knowledge.FindAsync(documentId, Manager))!;
        await knowledge.SaveAsync(documentId, document.Version, document.Title, body, document.Metadata, "revised", Manager);
        await knowledge.SubmitAsync(documentId, Manager);
        var submitted = (await knowledge.FindAsync(documentId, Manager))!;
        await knowledge.ApproveAsync(documentId, submitted.CurrentRevisionNumber, null, null, Manager);
    }

    public static async Task ArchiveAsync(IServiceProvider services, int documentId)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<KnowledgeService>().ArchiveAsync(documentId, Manager);
    }

    /// <summary>
    /// A published "propose" course: one module per document, each with the question "Question on {title}?" whose
    /// options are "Right" (the correct one), "Wrong" and "Also wrong".
    /// </summary>
    public static async Task<int> CourseAsync(IServiceProvider services, string title, params int[] documentIds)
    {
        using var scope = services.CreateScope();
        var courses = scope.ServiceProvider.GetRequiredService<CourseService>();
        var course = await courses.CreateAsync(title, "Write a proposal the customer signs.", null, "propose", "scenario-trainer");
        foreach (var documentId in documentIds)
        {
            await courses.AddModuleAsync(course.Id, documentId, null, "Walk through the example.");
            var module = course.Modules.Single(m => m.DocumentId == documentId);
            await courses.AddQuestionAsync(course.Id, module.Id, $"Question on {module.Title}?", ["Right", "Wrong", "Also wrong"], 0, "Because it is.");
        }

        if (documentIds.Length > 0)
        {
            await courses.PublishAsync(course.Id);
        }

        return course.Id;
    }

    /// <summary>The course as a learner or an export sees it.</summary>
    public static Task<CourseContent> ContentAsync(IServiceProvider services, int courseId) =>
        WithAsync(services, async s => (await s.GetRequiredService<CourseService>().ContentAsync(courseId))!);

    public static async Task<T> WithAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
