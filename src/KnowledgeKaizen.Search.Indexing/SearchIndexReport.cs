namespace KnowledgeKaizen.Search.Indexing;

/// <summary>The index's health as the Admin page shows it.</summary>
public sealed record SearchIndexReport(
    SearchIndexStatus Status,
    int IndexedDocuments,
    int DatabaseDocuments,
    IReadOnlyList<SearchTypeCount> Types,
    int PendingOutbox,
    BackgroundJob? LatestRebuild,
    IndexerFailure? IndexerFailure);
