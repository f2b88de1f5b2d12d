namespace KnowledgeKaizen.Search;

/// <summary>
/// The portal's search engine port: index, delete, rebuild and query. Implementations are thread-safe;
/// writes are visible to the next search without waiting for a commit (near real time).
/// </summary>
public interface ISearchIndex : IDisposable
{
    /// <summary>What was found when the index was opened (or the state after the last rebuild).</summary>
    SearchIndexStatus Status { get; }

    /// <summary>Documents currently searchable (all readers).</summary>
    int DocumentCount { get; }

    /// <summary>Adds or replaces documents by (Type, Key) and commits (with whatever was applied before).</summary>
    void Upsert(IEnumerable<SearchDocument> documents);

    /// <summary>Removes a document; unknown keys are ignored.</summary>
    void Delete(string type, string key);

    /// <summary>
    /// Adds or replaces <paramref name="upserts"/> and removes the documents named in <paramref name="deletions"/> (unknown
    /// ones are ignored). They are searchable when this returns and durable after the next <see cref="CommitAsync"/>: a
    /// commit syncs every new file of the index and lets merged files go, so the caller pays for one per many batches.
    /// </summary>
    Task ApplyAsync(IReadOnlyCollection<SearchDocument> upserts, IReadOnlyCollection<(string Type, string Key)> deletions,
        CancellationToken cancellationToken = default);

    /// <summary>Makes durable what was applied since the last commit; false (and nothing written) when there was nothing.</summary>
    Task<bool> CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Builds a new index from <paramref name="documents"/> beside the current one and swaps to it atomically;
    /// searches keep being served from the old index meanwhile, and writes made during the rebuild are replayed
    /// onto the new one. <paramref name="marker"/> is stored with the index (see <see cref="SearchIndexStatus.NeedsRebuild"/>).
    /// </summary>
    void Rebuild(IEnumerable<SearchDocument> documents, string marker, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="Rebuild"/>
    Task RebuildAsync(IEnumerable<SearchDocument> documents, string marker, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a query for a reader. Never throws for bad user input: it returns notices instead.</summary>
    SearchResult Search(SearchRequest request);

    /// <summary>
    /// The bilingual term map searches use from now on: a query holding one of its terms also finds documents holding
    /// the entry's other terms, ranked below those that hold the words as typed.
    /// </summary>
    void UseTerms(Lexicon.TermMap terms);

    /// <summary>Type-ahead: titles and tags of documents the reader may see, starting with the typed words or their pinyin.</summary>
    IReadOnlyList<SearchSuggestion> Suggest(string prefix, int count, SearchReader reader);
}
