using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Core.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// The import pipeline and service, the background import job, recovery of interrupted imports and the
    /// demo data loader (start-up task at <see cref="StartupOrder.DemoData"/>).
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddScoped<ImportPipeline>();
        services.AddScoped<ImportService>();
        services.AddScoped<Crm.FrontlineRecorder>();
        services.AddScoped<Crm.CrmLookup>();
        services.AddSingleton<ImportProgress>();
        services.AddJobHandler<ImportJobHandler>();
        services.AddScoped<IStartupTask, ImportRecovery>();
        services.AddScoped<IStartupTask, DemoDataLoader>();
        return services;
    }
}
