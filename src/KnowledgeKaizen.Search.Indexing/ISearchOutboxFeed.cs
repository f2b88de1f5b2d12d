namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// This instance's view of the append-only search outbox: the entries its index has not applied yet, in order, and
/// the cursor that remembers how far it got. Writers only append; an entry leaves only by pruning once every live
/// index has passed it.
/// </summary>
public interface ISearchOutboxFeed
{
    /// <summary>Up to <paramref name="max"/> entries this index has not applied, oldest first.</summary>
    Task<SearchOutboxBatch> ReadAsync(int max, CancellationToken ct = default);

    /// <summary>Records that this index holds the entries of <paramref name="applied"/> (the cursor never moves back).</summary>
    Task AdvanceAsync(SearchOutboxBatch applied, CancellationToken ct = default);

    /// <summary>The position of everything committed so far: a rebuild that starts reading now covers every entry before it.</summary>
    Task<long> HighWaterMarkAsync(CancellationToken ct = default);

    /// <summary>Records that this index holds everything a <see cref="HighWaterMarkAsync"/> taken before its rebuild covers.</summary>
    Task AdvanceToAsync(long position, CancellationToken ct = default);

    /// <summary>Entries this index has yet to apply.</summary>
    Task<int> PendingAsync(CancellationToken ct = default);

    /// <summary>True when entries this index never applied were pruned: only a rebuild can bring it up to date.</summary>
    Task<bool> MissedEntriesAsync(CancellationToken ct = default);

    /// <summary>Removes entries every live index has applied and that are older than the retention; returns how many.</summary>
    Task<int> PruneAsync(CancellationToken ct = default);
}
