using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Knowledge.Content;
using KnowledgeKaizen.Core.Markdown;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeKaizen.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The Markdown pipeline, the knowledge services and the content/ import on start.</summary>
    public static IServiceCollection AddKnowledgeCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
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
