namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A linked item and whether it still exists (a deleted playbook stays listed, marked missing).</summary>
public sealed record LinkedItem(CycleLink Link, bool Exists, string? Status);
