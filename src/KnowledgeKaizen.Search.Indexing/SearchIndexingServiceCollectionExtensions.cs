using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Terms;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Search.Indexing;

public static class SearchIndexingServiceCollectionExtensions
{
    /// <summary>
    /// Portal-wide search kept in step with the database: the engine (its index in the data folder unless
    /// <c>Search:IndexPath</c> says otherwise), the document source, the outbox indexer, the start-up check,
    /// the rebuild job, the record reader and the term map the engine searches through.
    /// </summary>
    public static IServiceCollection AddSearchIndexing(this IServiceCollection services)
    {
        services.AddSearchEngine();
        services.AddOptions<SearchOptions>().PostConfigure<DataFolder>((options, folder) =>
        {
            if (string.IsNullOrWhiteSpace(options.IndexPath))
            {
                options.IndexPath = folder.SearchIndex;
            }
        });
        services.AddScoped<SearchDocumentSource>();
        services.AddTermMap();
        services.AddSingleton<SearchTerms>();
        services.AddOptions<SearchIndexingOptions>().BindConfiguration(SearchIndexingOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.InstanceName), $"{SearchIndexingOptions.SectionName}:{nameof(SearchIndexingOptions.InstanceName)} is required.")
            .Validate(o => o.CommitInterval >= TimeSpan.Zero && o.CommitInterval <= SearchIndexingOptions.MaxCommitInterval,
                $"{SearchIndexingOptions.SectionName}:{nameof(SearchIndexingOptions.CommitInterval)} must be between 00:00:00 and {SearchIndexingOptions.MaxCommitInterval}.")
            .ValidateOnStart();
        // Concurrent writers commit out of id order: their feed follows transactions instead of ids.
        services.AddSingleton<SearchOutboxReads>();
        services.AddScoped<ISearchOutboxFeed>(sp => sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.PostgreSql
            ? ActivatorUtilities.CreateInstance<PostgreSqlSearchOutboxFeed>(sp)
            : ActivatorUtilities.CreateInstance<SqliteSearchOutboxFeed>(sp));
        services.AddScoped<SearchOutboxApplier>();
        services.AddScoped<SearchIndexMaintenance>();
        services.AddScoped<SearchRecords>();
        services.AddScoped<IStartupTask, SearchIndexStartupCheck>();
        services.AddJobHandler<SearchRebuildJobHandler>();
        services.AddSingleton<IndexerState>();
        services.AddHealthChecks().AddCheck<IndexerHealthCheck>("search-indexer")
            .AddCheck<IndexCaughtUpHealthCheck>("search-index-caught-up", tags: [HealthTags.Ready, HealthTags.ReadyOnly]);
        services.AddHostedService<SearchIndexer>();
        return services;
    }
}
