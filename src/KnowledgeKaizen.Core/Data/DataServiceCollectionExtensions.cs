using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Options, the data folder, the SQLite database (migrated on start) and the background job worker.
    /// </summary>
    public static IHostApplicationBuilder AddKaizenData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KaizenOptions>().BindConfiguration(KaizenOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => DataFolder.Resolve(builder.Environment.ContentRootPath,
            sp.GetRequiredService<IOptions<KaizenOptions>>().Value.DataPath));
        builder.Services.AddDbContext<KnowledgeKaizenDbContext>((sp, options) =>
        {
            var folder = sp.GetRequiredService<DataFolder>();
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = folder.DatabaseFile,
                Cache = SqliteCacheMode.Private,
                DefaultTimeout = 30,
                Pooling = true,
            };
            options.UseSqlite(connection.ToString());
        });
        builder.Services.AddScoped<IStartupTask, DatabaseMigrator>();
        builder.Services.AddBackgroundJobs();
        return builder;
    }
}
