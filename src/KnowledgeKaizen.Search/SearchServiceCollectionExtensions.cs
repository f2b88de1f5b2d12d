using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The Lucene engine behind <see cref="ISearchIndex"/>, configured from the "Search" section and checked on
    /// start, and its Chinese word segmentation for other modules (<see cref="Lexicon.IWordSegmenter"/>). A host that keeps the index elsewhere than <see cref="SearchOptions.IndexPath"/> says where with
    /// <c>PostConfigure&lt;SearchOptions&gt;</c>.
    /// </summary>
    public static IServiceCollection AddSearchEngine(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.IndexPath), $"{SearchOptions.SectionName}:{nameof(SearchOptions.IndexPath)} is required.")
            .ValidateOnStart();
        services.TryAddSingleton<Lexicon.IWordSegmenter, Analysis.SmartCnWordSegmenter>();
        services.TryAddSingleton<ISearchIndex>(sp =>
            new LuceneSearchIndex(sp.GetRequiredService<IOptions<SearchOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
