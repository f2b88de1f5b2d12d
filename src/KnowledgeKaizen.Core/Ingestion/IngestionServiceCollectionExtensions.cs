using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Core.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// The import pipeline and service, mappings for files in other layouts (binder, preview, the library of presets and
    /// saved mappings), the background import job, recovery of interrupted imports and the demo data loader (start-up task at <see cref="StartupOrder.DemoData"/>).
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddScoped<ImportPipeline>();
        services.AddScoped<ImportService>();
        services.AddScoped<Mapping.MappingBinder>();
        services.AddScoped<Mapping.MappingPreview>();
        services.AddScoped<Mapping.MappingLibrary>();
        services.AddScoped<Crm.FrontlineRecorder>();
        services.AddScoped<Crm.CrmLookup>();
        services.AddSingleton<ImportProgress>();
        services.AddJobHandler<ImportJobHandler>();
        services.AddScoped<IStartupTask, ImportRecovery>();
        services.AddScoped<IStartupTask, DemoDataLoader>();
        return services;
    }
}
