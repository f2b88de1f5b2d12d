namespace KnowledgeKaizen.Core.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// The import pipeline and service (settings under <see cref="ImportOptions.Section"/>), mappings for files in other layouts
    /// (binder, preview, the library of presets and saved mappings), the background import job,
    /// recovery of interrupted imports, the daily clean-up of old import files and the demo data loader (start-up task
    /// at <see cref="StartupOrder.DemoData"/>).
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations()
            .Validate(o => DailySchedule.IsValid(o.CleanupAt), $"{ImportOptions.Section}:CleanupAt must be a time of day such as 03:30, or empty.")
            .ValidateOnStart();
        services.AddSingleton<ImportLocks>();
        services.AddSingleton<ImportHold>();
        services.AddScoped<ImportPipeline>();
        services.AddScoped<ImportService>();
        services.AddScoped<Mapping.MappingBinder>();
        services.AddScoped<Mapping.MappingPreview>();
        services.AddScoped<Mapping.MappingLibrary>();
        services.AddScoped<Crm.FrontlineRecorder>();
        services.AddScoped<Crm.CrmLookup>();
        services.AddSingleton<ImportProgress>();
        services.AddJobHandler<ImportJobHandler>();
        services.AddJobHandler<ImportFilesCleanup>();
        services.AddDailyJob(ImportFilesCleanup.JobKind, sp => DailySchedule.Parse(sp.GetRequiredService<IOptions<ImportOptions>>().Value.CleanupAt));
        services.AddScoped<IStartupTask, ImportRecovery>();
        services.AddScoped<IStartupTask, DemoDataLoader>();
        return services;
    }
}
