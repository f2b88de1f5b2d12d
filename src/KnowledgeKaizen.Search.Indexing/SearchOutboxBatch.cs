namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// What one read of the outbox gave this index: the entries to apply, oldest first, and the cursor position the index
/// reaches once it has applied them (which may move even when there are no entries: PostgreSQL's horizon follows the
/// transactions that ended).
/// </summary>
public record SearchOutboxBatch(IReadOnlyList<SearchOutboxChange> Entries, long Position);
