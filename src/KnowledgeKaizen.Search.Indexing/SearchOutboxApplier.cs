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
        var batch = await feed.ReadAsync(BatchSize, ct);
        var upserts = new List<SearchDocument>();
        var deletions = new List<(string Type, string Key)>();
        // An entry only names a document: the index takes the document as the database holds it now, so entries may
        // arrive in any order (commits on PostgreSQL finish out of id order) and applying one twice changes nothing.
        foreach (var byType in batch.Entries.GroupBy(e => e.DocumentType))
        {
            var keys = byType.Select(e => e.DocumentKey).Distinct(StringComparer.Ordinal).ToList();
            var documents = await source.LoadAsync(byType.Key, keys, ct);
            upserts.AddRange(documents);

            // Deleted, or no longer indexable (e.g. a case whose resolution was removed): take it out.
            var found = documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            deletions.AddRange(keys.Where(k => !found.Contains(k)).Select(k => (byType.Key, k)));
        }

        // One commit for the whole batch, before the cursor moves past it; none when there is nothing to apply.
        if (upserts.Count > 0 || deletions.Count > 0)
        {
            await index.ApplyAsync(upserts, deletions, ct);
        }
        await feed.AdvanceAsync(batch, ct);
        return batch.Entries.Count;
    }

    /// <summary>Applies batches until the index is caught up.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        while (await ApplyBatchAsync(ct) > 0)
        {
        }
    }
}
