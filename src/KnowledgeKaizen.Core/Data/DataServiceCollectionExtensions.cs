using Microsoft.Extensions.Configuration;

namespace KnowledgeKaizen.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The database chosen by <see cref="DatabaseSettings"/> (SQLite in the data folder by default, or PostgreSQL), the write
    /// turns between saves and bulk work, migrated
    /// on start under the start-up lock, and its health check.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.Read(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DataFolder>()));
        services.AddDbContext<KnowledgeKaizenDbContext>((sp, options) =>
            sp.GetRequiredService<DatabaseSettings>().Apply(options).AddInterceptors(sp.GetRequiredService<WriteTurnInterceptor>()));
        services.AddSingleton<WriteTurns>();
        services.AddSingleton<WriteTurnInterceptor>();
        services.AddDomainEvents();
        services.AddScoped<IStartupTask, DatabaseMigrator>();
        services.AddSingleton<IStartupLock, DatabaseStartupLock>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready]);
        return services;
    }
}
