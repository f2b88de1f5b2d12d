using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>The index's health as the Admin page shows it.</summary>
public sealed record SearchIndexReport(
    SearchIndexStatus Status,
    int IndexedDocuments,
    int DatabaseDocuments,
    IReadOnlyList<SearchTypeCount> Types,
    int PendingOutbox,
    BackgroundJob? LatestRebuild);

/// <summary>Documents of one type in the database and in the index.</summary>
public sealed record SearchTypeCount(string Type, int InDatabase, int InIndex);

/// <summary>
/// Decides whether the index must be rebuilt and queues the rebuild job. The stored marker names the index
/// schema and this portal's mapping version, so a new release that changes either rebuilds; staleness
/// against the data (a restored database, a copied or half-written index) shows up as per-type document
/// counts that differ from the database once the outbox is applied, or as a cursor behind pruned outbox entries.
/// </summary>
public sealed class SearchIndexMaintenance(KnowledgeKaizenDbContext db, ISearchIndex index, SearchDocumentSource source, ISearchOutboxFeed feed,
    JobQueue jobs)
{
    public const string JobKind = "search-rebuild";

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
    public async Task<BackgroundJob> EnqueueRebuildAsync(string? requestedBy, CancellationToken ct = default)
    {
        var pending = await db.BackgroundJobs.AsNoTracking()
            .Where(j => j.Kind == JobKind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .FirstOrDefaultAsync(ct);
        return pending ?? await jobs.EnqueueAsync(db, JobKind, null, requestedBy, ct);
    }

    public Task<BackgroundJob?> FindJobAsync(Guid id, CancellationToken ct = default) =>
        db.BackgroundJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Kind == JobKind, ct);

    public async Task<SearchIndexReport> ReportAsync(CancellationToken ct = default)
    {
        var types = await TypeCountsAsync(ct);
        var latest = await db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == JobKind)
            .OrderByDescending(j => j.QueuedAt).FirstOrDefaultAsync(ct);
        return new SearchIndexReport(index.Status, index.DocumentCount, types.Sum(t => t.InDatabase), types,
            await feed.PendingAsync(ct), latest);
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
