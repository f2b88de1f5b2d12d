using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KnowledgeKaizen.Core.Hosting;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// What every module stands on: the "KnowledgeKaizen" settings (checked on start), the data folder (and its health check), the clock, the
    /// file store (<see cref="IFileStore"/>) and the data-protection key ring (<see cref="IXmlRepository"/>). The clock is registered here and only here;
    /// everything that needs the time asks it. With PostgreSQL the key ring and (unless <see cref="FileStoreOptions.Store"/> says otherwise) the
    /// files live in the database, so instances behind a load balancer share them; with SQLite both stay in the data folder, where backups
    /// leave the keys out on purpose.
    /// </summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddOptions<KaizenOptions>().BindConfiguration(KaizenOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasValidPublicBaseUrl, "PublicBaseUrl must be an absolute http or https address such as https://kaizen.example.com")
            .ValidateOnStart();
        services.AddSingleton(sp => DataFolder.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<KaizenOptions>>().Value.DataPath));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.Section)
            .Validate<DatabaseSettings>((o, database) => o.Kind(database.Provider) is not null, FileStoreOptions.InvalidStore)
            .ValidateOnStart();
        services.AddSingleton<IFileStore>(sp =>
            sp.GetRequiredService<IOptions<FileStoreOptions>>().Value.Kind(sp.GetRequiredService<DatabaseSettings>().Provider) == FileStoreKind.Database
                ? ActivatorUtilities.CreateInstance<DatabaseFileStore>(sp)
                : ActivatorUtilities.CreateInstance<DataFolderFileStore>(sp));
        services.AddScoped<IStartupTask, UnfinishedWritesCleanup>();
        services.AddSingleton<IXmlRepository>(sp => sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.PostgreSql
            ? ActivatorUtilities.CreateInstance<DatabaseKeyStore>(sp)
            : ActivatorUtilities.CreateInstance<DataFolderKeyStore>(sp));
        services.AddScoped<IStartupTask, KeyRingStartup>();
        services.AddHealthChecks().AddCheck<DataFolderHealthCheck>("data-folder");
        services.AddDataProtection().SetApplicationName("KnowledgeKaizen");
        services.AddOptions<KeyManagementOptions>().Configure<IXmlRepository>((options, keys) => options.XmlRepository = keys);
        return services;
    }
}
