namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>How a line changed between two revisions.</summary>
public enum DiffLineKind
{
    Unchanged,
    Inserted,
    Deleted,
    Modified,

    /// <summary>Padding that keeps the two sides aligned.</summary>
    Empty,
}
