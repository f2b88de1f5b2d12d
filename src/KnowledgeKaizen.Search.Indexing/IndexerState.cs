namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Whether this instance's background indexer is keeping up, as the index page and the health check show it: a failure
/// (a full disk, a locked index folder) is retried quietly in the background, and must not stay invisible.
/// </summary>
public sealed class IndexerState
{
    private volatile IndexerFailure? failure;

    /// <summary>The current run of failures; null while the indexer works.</summary>
    public IndexerFailure? Failure => failure;

    internal void Succeeded() => failure = null;

    internal void Failed(Exception error, DateTimeOffset at)
    {
        var previous = failure;
        failure = new IndexerFailure(error.Message, (previous?.Attempts ?? 0) + 1, previous?.Since ?? at);
    }
}
