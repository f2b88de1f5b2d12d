namespace KnowledgeKaizen.Core.Improvement;

/// <summary>What the adoption panel on a playbook shows.</summary>
public sealed record AdoptionState(bool IsPlaybook, bool AppliedByMe, int Applications, int Readers);
