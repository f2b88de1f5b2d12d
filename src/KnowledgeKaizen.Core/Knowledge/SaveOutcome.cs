namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Result of <see cref="KnowledgeService.SaveAsync"/>; on conflict it carries both texts.</summary>
public sealed record SaveOutcome(SaveStatus Status, KnowledgeDocument? Document = null, DocumentRevision? TheirRevision = null,
    KnowledgeRuleException? Error = null)
{
    public bool Succeeded => Status == SaveStatus.Saved;
}
