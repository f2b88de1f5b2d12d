namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// This instance's view of the append-only search outbox: the entries its index has not applied yet, in order, and
/// the cursor that remembers how far its index got durably. Writers only append; an entry leaves only by pruning once
/// every live index's cursor has passed it. Between commits of the index, this process remembers how far it applied
/// (<see cref="SearchOutboxReads"/>), and reads go on from there.
/// </summary>
public interface ISearchOutboxFeed
{
    /// <summary>Up to <paramref name="max"/> entries this index has not applied, oldest first.</summary>
    Task<SearchOutboxBatch> ReadAsync(int max, CancellationToken ct = default);

    /// <summary>
    /// Records, in memory, that this index holds the entries of <paramref name="applied"/>, not yet durably: the next
    /// read starts after them, and <see cref="Reached"/> is where the cursor may move once the index has committed.
    /// </summary>
    void Applied(SearchOutboxBatch applied);

    /// <summary>The position this index reached in this process (see <see cref="Applied"/>); null before its first batch.</summary>
    long? Reached { get; }

    /// <summary>Forgets what was applied since the cursor (the index failed to commit it): it is read and applied again.</summary>
    void Forget();

    /// <summary>The position of everything committed so far: a rebuild that starts reading now covers every entry before it.</summary>
    Task<long> HighWaterMarkAsync(CancellationToken ct = default);

    /// <summary>
    /// Moves the cursor to <paramref name="position"/> (never back), once the index holds everything before it durably: a
    /// commit of what was applied up to <see cref="Reached"/>, or a rebuild that read the database after a
    /// <see cref="HighWaterMarkAsync"/>. Writes nothing when the cursor is there already.
    /// </summary>
    Task AdvanceToAsync(long position, CancellationToken ct = default);

    /// <summary>Entries this index has yet to apply (searchable ones count as applied).</summary>
    Task<int> PendingAsync(CancellationToken ct = default);

    /// <summary>True when entries this index never applied were pruned: only a rebuild can bring it up to date.</summary>
    Task<bool> MissedEntriesAsync(CancellationToken ct = default);

    /// <summary>Removes entries every live index has applied and that are older than the retention; returns how many.</summary>
    Task<int> PruneAsync(CancellationToken ct = default);
}
