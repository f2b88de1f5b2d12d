namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Decides whether the index must be rebuilt and queues the rebuild job. The stored marker names the index
/// schema and this portal's mapping version, so a new release that changes either rebuilds; staleness
/// against the data (a restored database, a copied or half-written index) shows up as per-type document
/// counts that differ from the database once the outbox is applied, or as a cursor behind pruned outbox entries.
/// </summary>
public sealed class SearchIndexMaintenance(ISearchIndex index, SearchDocumentSource source, ISearchOutboxFeed feed, IJobQueue jobs,
    IndexerState indexer, IOptions<SearchIndexingOptions> options)
{
    /// <summary>The rebuild of this instance's own index (<see cref="InstanceJobs"/>): each instance rebuilds its own.</summary>
    public static string JobKindOf(SearchIndexingOptions options) => InstanceJobs.Kind("search-rebuild", options.InstanceName);

    public string JobKind => JobKindOf(options.Value);

    public static string ExpectedMarker { get; } = $"schema-{IndexSchema.Version}.mapping-{SearchDocumentSource.MappingVersion}";

    /// <summary>Why the index must be rebuilt, or null when it is complete. Drain the outbox first for a fair count.</summary>
    public async Task<string?> RebuildReasonAsync(CancellationToken ct = default)
    {
        if (index.Status.NeedsRebuild(ExpectedMarker))
        {
            return index.Status.Health == SearchIndexHealth.Ready
                ? $"built for '{index.Status.Marker}' (schema {index.Status.SchemaVersion}), expected '{ExpectedMarker}'"
                : $"{index.Status.Health}: {index.Status.Problem}";
        }

        if (await feed.MissedEntriesAsync(ct))
        {
            return "changes this index never applied were pruned from the outbox";
        }

        var mismatch = (await TypeCountsAsync(ct)).FirstOrDefault(t => t.InDatabase != t.InIndex);
        return mismatch is null ? null : $"{mismatch.InIndex} {mismatch.Type} documents indexed, {mismatch.InDatabase} in the database";
    }

    /// <summary>Queues a rebuild unless one is already queued or running; returns that job.</summary>
    public Task<BackgroundJob> EnqueueRebuildAsync(string? requestedBy, CancellationToken ct = default) =>
        jobs.EnqueueOnceAsync(JobKind, null, requestedBy, ct);

    public Task<BackgroundJob?> FindJobAsync(Guid id, CancellationToken ct = default) => jobs.FindAsync(id, JobKind, ct);

    public async Task<SearchIndexReport> ReportAsync(CancellationToken ct = default)
    {
        var types = await TypeCountsAsync(ct);
        var latest = await jobs.LatestAsync(JobKind, ct);
        return new SearchIndexReport(index.Status, index.DocumentCount, types.Sum(t => t.InDatabase), types,
            await feed.PendingAsync(ct), latest, indexer.Failure);
    }

    private async Task<IReadOnlyList<SearchTypeCount>> TypeCountsAsync(CancellationToken ct)
    {
        var inDatabase = await source.CountsAsync(ct);
        var facets = index.Search(new SearchRequest
        {
            Reader = SearchReader.Unrestricted,
            Take = 1,
            Highlight = false,
            FacetLimit = 50,
        }).Facets.Types.ToDictionary(f => f.Value, f => f.Count, StringComparer.Ordinal);
        return inDatabase.Keys.Union(facets.Keys)
            .Select(t => new SearchTypeCount(t, inDatabase.GetValueOrDefault(t), facets.GetValueOrDefault(t)))
            .ToList();
    }
}
