namespace KnowledgeKaizen.Core.Indexing;

/// <summary>
/// The document types of the search index, one constant each: what entities write to the outbox, what the
/// index stores in its type field and facet, and what URLs and filters name.
/// </summary>
public static class SearchDocumentTypes
{
    public const string Procedure = "procedure";
    public const string Playbook = "playbook";
    public const string Solution = "solution";

    /// <summary>A resolved service case (its resolution is the searchable answer).</summary>
    public const string Case = "case";

    /// <summary>A piece of customer feedback.</summary>
    public const string Feedback = "feedback";

    /// <summary>Every type, knowledge first.</summary>
    public static IReadOnlyList<string> All { get; } = [Playbook, Procedure, Solution, Case, Feedback];
}
