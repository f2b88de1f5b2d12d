namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A playbook ready to be merged, the procedures it improves and the text proposed for the new revision.</summary>
public sealed record StandardisationProposal(KnowledgeDocument Playbook, IReadOnlyList<KnowledgeDocument> Procedures, int? ProcedureId, string ProposedBody);
