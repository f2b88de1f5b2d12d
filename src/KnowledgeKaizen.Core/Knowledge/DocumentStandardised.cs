namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A playbook's practice became a revision of the procedure <paramref name="ProcedureId"/> (SDCA).</summary>
public sealed record DocumentStandardised(int DocumentId, int ProcedureId, string? ByUserId, string ByName) : IDomainEvent;
