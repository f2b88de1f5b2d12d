namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Applies the next batch of the outbox to this instance's index: one index write per (type, key) whatever the
/// number of entries, then moves the index's cursor past exactly the entries it applied.
/// </summary>
public sealed class SearchOutboxApplier(ISearchOutboxFeed feed, SearchDocumentSource source, ISearchIndex index)
{
    public const int BatchSize = 500;

    /// <summary>Applies up to <see cref="BatchSize"/> entries; returns how many were applied (0 when the index is caught up).</summary>
    public async Task<int> ApplyBatchAsync(CancellationToken ct = default)
    {
        var entries = await feed.ReadAsync(BatchSize, ct);
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

        await feed.AdvanceAsync(entries[^1].Id, ct);
        return entries.Count;
    }

    /// <summary>Applies batches until the index is caught up.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        while (await ApplyBatchAsync(ct) > 0)
        {
        }
    }
}
