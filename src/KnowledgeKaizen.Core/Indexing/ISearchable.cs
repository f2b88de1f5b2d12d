namespace KnowledgeKaizen.Core.Indexing;

/// <summary>
/// Marks an entity whose changes must reach the search index. The DbContext records a
/// <see cref="SearchOutboxEntry"/> for every insert, update or delete of such an entity.
/// </summary>
public interface ISearchable
{
    /// <summary>Document type in the index, e.g. "playbook".</summary>
    string SearchDocumentType { get; }

    /// <summary>Stable key of the document within its type (usually the entity id).</summary>
    string SearchDocumentKey { get; }
}
