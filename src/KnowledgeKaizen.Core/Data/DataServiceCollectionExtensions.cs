using KnowledgeKaizen.Core.Events;
using KnowledgeKaizen.Core.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The SQLite database in the data folder, migrated on start, the write turns between saves and bulk work, and its health check.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddDbContext<KnowledgeKaizenDbContext>((sp, options) =>
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
        services.AddSingleton<WriteTurns>();
        services.AddDomainEvents();
        services.AddScoped<IStartupTask, DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
