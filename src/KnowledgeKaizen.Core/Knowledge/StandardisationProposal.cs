namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// A playbook ready to be merged, the procedures it improves, the text proposed for the new revision and its changes
/// against the procedure's current text (null when the playbook improves no procedure in its language).
/// </summary>
public sealed record StandardisationProposal(KnowledgeDocument Playbook, IReadOnlyList<KnowledgeDocument> Procedures, int? ProcedureId,
    string ProposedBody, RevisionComparison? Changes);
