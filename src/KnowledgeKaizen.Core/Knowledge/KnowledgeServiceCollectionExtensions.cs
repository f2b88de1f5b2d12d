using KnowledgeKaizen.Core.Knowledge.Content;
using KnowledgeKaizen.Core.Markdown;

namespace KnowledgeKaizen.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The Markdown pipeline, the knowledge services, pasted images and the content/ import on start.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ImageStore>();
        services.AddScoped<KnowledgeService>();
        services.AddScoped<KnowledgeReader>();
        services.AddScoped<ReaderFeedbackService>();
        services.AddScoped<StandardisationService>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddSingleton<ContentImportReportStore>();
        services.AddScoped<IStartupTask, ContentImportStartupTask>();
        return services;
    }
}
