namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// A service case recorded or updated in the portal. Without <see cref="CaseId"/> a new case is opened
/// (customer, channel, category, priority and subject required); with it, the handling is added to that case.
/// </summary>
public sealed record CaseInput(long? CaseId = null, string? CustomerId = null, string? AgentId = null,
    CaseChannel? Channel = null, string? Category = null, CasePriority? Priority = null, string? Subject = null,
    string? Description = null, DateTime? OpenedAt = null, DateTime? FirstResponseAt = null, DateTime? ResolvedAt = null,
    string? Resolution = null, int? Satisfaction = null);
