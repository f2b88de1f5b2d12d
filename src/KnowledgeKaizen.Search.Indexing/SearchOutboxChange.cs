namespace KnowledgeKaizen.Search.Indexing;

/// <summary>One outbox entry as a feed hands it to the index: which document changed, and when.</summary>
public sealed record SearchOutboxChange(long Id, string DocumentType, string DocumentKey, bool Deleted, DateTimeOffset RecordedAt);
