using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Testing;

/// <summary>The real search engine behind a test double: every member forwards; a test overrides the ones it makes fail.</summary>
public abstract class DelegatingSearchIndex(ISearchIndex engine) : ISearchIndex
{
    public virtual SearchIndexStatus Status => engine.Status;

    public virtual int DocumentCount => engine.DocumentCount;

    public virtual void Upsert(IEnumerable<SearchDocument> documents) => engine.Upsert(documents);

    public virtual void Delete(string type, string key) => engine.Delete(type, key);

    public virtual Task ApplyAsync(IReadOnlyCollection<SearchDocument> upserts, IReadOnlyCollection<(string Type, string Key)> deletions,
        CancellationToken cancellationToken = default) => engine.ApplyAsync(upserts, deletions, cancellationToken);

    public virtual Task<bool> CommitAsync(CancellationToken cancellationToken = default) => engine.CommitAsync(cancellationToken);

    public virtual void Rebuild(IEnumerable<SearchDocument> documents, string marker, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default) => engine.Rebuild(documents, marker, progress, cancellationToken);

    public virtual Task RebuildAsync(IEnumerable<SearchDocument> documents, string marker, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default) => engine.RebuildAsync(documents, marker, progress, cancellationToken);

    public virtual SearchResult Search(SearchRequest request) => engine.Search(request);

    public virtual void UseTerms(Lexicon.TermMap terms) => engine.UseTerms(terms);

    public virtual IReadOnlyList<SearchSuggestion> Suggest(string prefix, int count, SearchReader reader) => engine.Suggest(prefix, count, reader);

    /// <summary>Disposes the engine; a double whose engine another object owns overrides this to do nothing.</summary>
    public virtual void Dispose()
    {
        engine.Dispose();
        GC.SuppressFinalize(this);
    }
}
