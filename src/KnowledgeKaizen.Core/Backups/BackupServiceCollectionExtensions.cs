namespace KnowledgeKaizen.Core.Backups;

public static class BackupServiceCollectionExtensions
{
    /// <summary>
    /// Backups (settings under <see cref="BackupOptions.Section"/>): the service, the backup job and its daily schedule (on
    /// SQLite only: a server database is backed up with its own tools), the restorer.
    /// </summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations()
            .Validate(o => DailySchedule.IsValid(o.DailyAt), $"{BackupOptions.Section}:DailyAt must be a time of day such as 02:00, or empty.")
            .ValidateOnStart();
        services.AddScoped<BackupService>();
        services.AddScoped<BackupRestorer>();
        services.AddJobHandler<BackupJobHandler>();
        services.AddDailyJob(BackupService.JobKind, sp => sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite
            ? DailySchedule.Parse(sp.GetRequiredService<IOptions<BackupOptions>>().Value.DailyAt)
            : null);
        return services;
    }
}
