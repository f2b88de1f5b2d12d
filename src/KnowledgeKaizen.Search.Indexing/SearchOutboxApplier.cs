namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Applies the outbox to this instance's index: each batch with one index write per (type, key) whatever the number of
/// entries, searchable at once; a commit then makes what was applied durable and moves the index's cursor past it.
/// The caller paces the commits (<see cref="SearchIndexer"/>): each syncs the index's new files to disk and lets merged
/// ones go, which under a stream of saves is most of the index's disk traffic.
/// </summary>
public sealed class SearchOutboxApplier(ISearchOutboxFeed feed, SearchDocumentSource source, ISearchIndex index)
{
    public const int BatchSize = 500;

    /// <summary>Applies up to <see cref="BatchSize"/> entries, not yet durably; returns how many (0 when the index is caught up).</summary>
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

        if (upserts.Count > 0 || deletions.Count > 0)
        {
            await index.ApplyAsync(upserts, deletions, ct);
        }

        feed.Applied(batch);
        return batch.Entries.Count;
    }

    /// <summary>
    /// Commits what was applied so far and then moves the cursor there; returns whether the index had anything to commit.
    /// When the commit fails the index may have lost what it applied since the cursor, so that is applied again.
    /// </summary>
    public async Task<bool> CommitAsync(CancellationToken ct = default)
    {
        // Taken before the commit: everything applied up to here is in it, whatever a concurrent apply adds meanwhile.
        var reached = feed.Reached;
        bool committed;
        try
        {
            committed = await index.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            feed.Forget();
            throw;
        }

        if (reached is { } position)
        {
            await feed.AdvanceToAsync(position, ct);
        }

        return committed;
    }

    /// <summary>Applies batches until the index is caught up, and commits them.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        while (await ApplyBatchAsync(ct) > 0)
        {
        }

        await CommitAsync(ct);
    }
}
