namespace KnowledgeKaizen.Search.Indexing;

/// <summary>The indexer keeps failing: why (the last error), how many attempts in a row, and since when.</summary>
public sealed record IndexerFailure(string Reason, int Attempts, DateTimeOffset Since);
