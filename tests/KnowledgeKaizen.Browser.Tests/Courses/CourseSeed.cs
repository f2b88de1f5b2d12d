using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Browser.Tests.Courses;

/// <summary>Published knowledge documents, made through the running portal's services.</summary>
public static class CourseSeed
{
    private static readonly Actor Manager = new("seed-manager", "Seed Manager", true);

    public static async Task<int> PublishAsync(IServiceProvider services, DocumentKind kind, string title, string body)
    {
        using var scope = services.CreateScope();
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
        var document = await knowledge.CreateAsync(kind, "en", null, title, body, new DocumentMetadata { Stages = ["quote"] }, Manager);
        await knowledge.SubmitAsync(document.Id, Manager);
        await knowledge.ApproveAsync(document.Id, null, null, Manager);
        return document.Id;
    }

    /// <summary>A course of the given documents; each module gets one question whose correct option is "Right".</summary>
    public static async Task<CourseContent> CourseAsync(IServiceProvider services, string title, params int[] documentIds)
    {
        using var scope = services.CreateScope();
        var courses = scope.ServiceProvider.GetRequiredService<CourseService>();
        var course = await courses.CreateAsync(title, "Quote with confidence.", null, "quote", "seed-trainer");
        foreach (var documentId in documentIds)
        {
            await courses.AddModuleAsync(course.Id, documentId, null, null);
            var module = course.Modules.Single(m => m.DocumentId == documentId);
            await courses.AddQuestionAsync(course.Id, module.Id, $"About {module.Title}?", ["Wrong", "Right"], 1, "Right is right.");
        }

        await courses.PublishAsync(course.Id);
        return (await courses.ContentAsync(course.Id))!;
    }
}
