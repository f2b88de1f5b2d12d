using KnowledgeKaizen.Core.Files;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Hosting;

namespace KnowledgeKaizen.Core.Hosting;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// What every module stands on: the "KnowledgeKaizen" settings (checked on start), the data folder (and its health check), the clock, the
    /// file store (<see cref="IFileStore"/>) and the data-protection key ring (<see cref="IXmlRepository"/>). The clock is registered here and only here;
    /// everything that needs the time asks it.
    /// </summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddOptions<KaizenOptions>().BindConfiguration(KaizenOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasValidPublicBaseUrl, "PublicBaseUrl must be an absolute http or https address such as https://kaizen.example.com")
            .ValidateOnStart();
        services.AddSingleton(sp => DataFolder.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<KaizenOptions>>().Value.DataPath));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IFileStore, DataFolderFileStore>();
        services.AddScoped<IStartupTask, UnfinishedWritesCleanup>();
        services.AddSingleton<IXmlRepository, DataFolderKeyStore>();
        services.AddHealthChecks().AddCheck<DataFolderHealthCheck>("data-folder");
        services.AddDataProtection().SetApplicationName("KnowledgeKaizen");
        services.AddOptions<KeyManagementOptions>().Configure<IXmlRepository>((options, keys) => options.XmlRepository = keys);
        return services;
    }
}
