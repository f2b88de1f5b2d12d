using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Search;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Web.Search;

/// <summary>
/// Applies one batch of the search outbox to the index: oldest first, one index write per (type, key)
/// whatever the number of entries, then removes exactly the rows it applied.
/// </summary>
public sealed class SearchOutboxDrainer(KnowledgeKaizenDbContext db, SearchDocumentSource source, ISearchIndex index)
{
    public const int BatchSize = 500;

    /// <summary>Applies up to <see cref="BatchSize"/> entries; returns how many were applied (0 when the outbox is empty).</summary>
    public async Task<int> DrainBatchAsync(CancellationToken ct = default)
    {
        var entries = await db.SearchOutbox.AsNoTracking().OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return 0;
        }

        // The latest entry per document decides: a delete after an update deletes, an update after a delete re-adds.
        var latest = entries.GroupBy(e => (e.DocumentType, e.DocumentKey)).Select(g => g.MaxBy(e => e.Id)!).ToList();
        foreach (var byType in latest.GroupBy(e => e.DocumentType))
        {
            var keys = byType.Where(e => !e.Deleted).Select(e => e.DocumentKey).ToList();
            var documents = keys.Count == 0 ? [] : await source.LoadAsync(byType.Key, keys, ct);
            if (documents.Count > 0)
            {
                await index.UpsertAsync(documents, ct);
            }

            // Deleted, or no longer indexable (e.g. a case whose resolution was removed): take it out.
            var found = documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in byType.Where(e => e.Deleted || !found.Contains(e.DocumentKey)))
            {
                index.Delete(byType.Key, gone.DocumentKey);
            }
        }

        var ids = entries.Select(e => e.Id).ToList();
        await db.SearchOutbox.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(ct);
        return entries.Count;
    }

    /// <summary>Newest outbox id (0 when empty): a rebuild started now covers every entry up to it.</summary>
    public async Task<long> HighWaterMarkAsync(CancellationToken ct = default) =>
        await db.SearchOutbox.MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>Drops entries a finished rebuild already covered.</summary>
    public Task<int> ForgetUpToAsync(long id, CancellationToken ct = default) =>
        db.SearchOutbox.Where(e => e.Id <= id).ExecuteDeleteAsync(ct);
}
